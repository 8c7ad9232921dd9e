package dev.switchboard.chat.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** SQL of the messages table (the latest version of each message); runs in the caller's transaction. */
@ApplicationScoped
public class MessageRepository {

    public static final String COLUMNS = "room_id, seq, message_id, msg_id, author, data::text, ts, edited_at, deleted";

    /** Stores a new message unless its (room, msgId) exists; true if this call stored it. */
    public boolean insertIfNew(Connection connection, StoredMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (room_id, seq, message_id, msg_id, author, data, ts) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (room_id, msg_id) DO NOTHING")) {
            insert.setString(1, message.roomId());
            insert.setLong(2, message.seq());
            insert.setString(3, message.messageId());
            insert.setString(4, message.msgId());
            insert.setString(5, message.author());
            insert.setString(6, message.data());
            insert.setLong(7, message.ts());
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<StoredMessage> byMsgId(Connection connection, String roomId, String msgId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM messages WHERE room_id = ? AND msg_id = ?", roomId, msgId);
    }

    public Optional<StoredMessage> byMessageId(Connection connection, String roomId, String messageId)
            throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM messages WHERE room_id = ? AND message_id = ?", roomId,
                messageId);
    }

    public void edit(Connection connection, String roomId, String messageId, String data, long editedAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messages SET data = ?::jsonb, edited_at = ? WHERE room_id = ? AND message_id = ?")) {
            update.setString(1, data);
            update.setLong(2, editedAt);
            update.setString(3, roomId);
            update.setString(4, messageId);
            update.executeUpdate();
        }
    }

    public void delete(Connection connection, String roomId, String messageId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messages SET data = NULL, deleted = true WHERE room_id = ? AND message_id = ?")) {
            update.setString(1, roomId);
            update.setString(2, messageId);
            update.executeUpdate();
        }
    }

    private static Optional<StoredMessage> one(Connection connection, String sql, String roomId, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, roomId);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public static StoredMessage read(ResultSet rs) throws SQLException {
        long editedAt = rs.getLong(8);
        Long edited = rs.wasNull() ? null : editedAt;
        return new StoredMessage(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), edited, rs.getBoolean(9));
    }
}
