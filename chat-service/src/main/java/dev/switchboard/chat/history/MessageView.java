package dev.switchboard.chat.history;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.switchboard.chat.messages.StoredMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One message of a history page: its latest version, or a tombstone (data null, deleted true). */
@RegisterForReflection
public record MessageView(long seq, String messageId, String msgId, String from,
        // Stored JSON goes out as it is, without a parse and a re-serialization per message.
        @JsonRawValue String data, long ts, Long editedAt, boolean deleted) {

    public static MessageView of(StoredMessage message) {
        return new MessageView(message.seq(), message.messageId(), message.msgId(), message.author(), message.data(),
                message.ts(), message.editedAt(), message.deleted());
    }
}
