package dev.switchboard.contracts.chat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Ids;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A chat command from a gateway (or chat-service's own HTTP API) to chat-service, on {@code chat.commands}, keyed by room.
 *
 * @param kind      what to do
 * @param commandId unique id of this command, echoed in the {@link ChatReply}
 * @param replyTo   the gateway replica (or other origin) that waits for the reply
 * @param roomId    the room, without the {@code room:} prefix
 * @param userId    the authenticated sender
 * @param msgId     PUBLISH: the client's idempotency key, unique per room
 * @param messageId EDIT and DELETE: the message to change
 * @param data      PUBLISH and EDIT: the message body, an object with {@code text}
 * @param ts        when the gateway accepted the command, epoch millis
 */
@RegisterForReflection
public record ChatCommand(
        @NotNull Kind kind,
        @NotBlank @Size(max = 128) String commandId,
        @NotBlank @Size(max = 128) String replyTo,
        @NotNull @Pattern(regexp = Ids.ID_PATTERN) String roomId,
        @NotBlank @Size(max = 128) String userId,
        @Size(max = 128) String msgId,
        @Size(max = 128) String messageId,
        JsonNode data,
        long ts) {

    public enum Kind {
        PUBLISH, EDIT, DELETE
    }
}
