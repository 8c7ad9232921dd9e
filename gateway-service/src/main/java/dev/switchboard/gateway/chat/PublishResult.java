package dev.switchboard.gateway.chat;

/** A stored chat message: its room seq and message id (the original ones for a re-sent msgId). */
public record PublishResult(String roomId, long seq, String messageId) {
}
