package dev.switchboard.contracts.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of a {@link ChatCommand}, on {@code chat.replies}, keyed by {@code replyTo}.
 * A re-sent publish with a known msgId gets {@code ok=true} with the original seq and messageId.
 *
 * @param code    when not ok: a protocol error code (bad_request, forbidden, not_found, internal)
 * @param message when not ok: a human-readable reason, never a stack trace
 */
@RegisterForReflection
public record ChatReply(
        String commandId,
        String replyTo,
        String roomId,
        boolean ok,
        long seq,
        String messageId,
        String code,
        String message) {

    public static ChatReply ok(ChatCommand command, long seq, String messageId) {
        return new ChatReply(command.commandId(), command.replyTo(), command.roomId(), true, seq, messageId, null, null);
    }

    public static ChatReply error(ChatCommand command, String code, String message) {
        return new ChatReply(command.commandId(), command.replyTo(), command.roomId(), false, 0, null, code, message);
    }
}
