package dev.switchboard.chat.outbox;

import java.util.Map;

/** One Kafka record waiting in the outbox: sent after the transaction that wrote it commits, never before. */
public record OutboxRecord(String topic, String key, byte[] payload, Map<String, String> headers) {

    public OutboxRecord(String topic, String key, byte[] payload) {
        this(topic, key, payload, Map.of());
    }
}
