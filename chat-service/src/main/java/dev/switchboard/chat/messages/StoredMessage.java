package dev.switchboard.chat.messages;

/** The latest version of a message; {@code data} is JSON text, null once deleted. */
public record StoredMessage(String roomId, long seq, String messageId, String msgId, String author, String data,
        long ts, Long editedAt, boolean deleted) {
}
