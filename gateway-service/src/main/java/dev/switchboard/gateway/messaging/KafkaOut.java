package dev.switchboard.gateway.messaging;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/** The gateway's one Kafka producer: every record it writes (commands, presence, typing, inbox), keyed. */
@ApplicationScoped
public class KafkaOut {

    private final MutinyEmitter<Object> emitter;

    public KafkaOut(@Channel("gateway-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<Object> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the record; fails with unavailable otherwise. */
    public Uni<Void> send(String topic, String key, Object value) {
        return send(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build(), value);
    }

    /** To one given partition (a record every partition must see, such as the presence heartbeat). */
    public Uni<Void> send(String topic, int partition, String key, Object value) {
        return send(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withPartition(partition).withKey(key).build(), value);
    }

    private Uni<Void> send(OutgoingKafkaRecordMetadata<String> metadata, Object value) {
        Message<Object> message = Message.of(value).addMetadata(metadata);
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .onFailure().transform(failure -> ProtocolException.unavailable("The message bus is unavailable"));
    }

    /** Fire and forget, for signals whose loss only costs freshness (presence, heartbeats, typing). */
    public void sendAndForget(String topic, String key, Object value) {
        send(topic, key, value).subscribe().with(ignored -> {
        }, failure -> {
        });
    }
}
