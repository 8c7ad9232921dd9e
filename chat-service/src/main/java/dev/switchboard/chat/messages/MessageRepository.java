package dev.switchboard.chat.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** SQL of the messages table (the latest version of each message); runs in the caller's transaction. */
@ApplicationScoped
public class MessageRepository {

    public static final String COLUMNS = "room_id, seq, message_id, msg_id, author, data::text, ts, edited_at, deleted";

    /**
     * Stores new messages in one round trip. The caller has checked under the room lock that their msgIds are new;
     * the unique constraints still refuse a duplicate (the transaction then retries).
     */
    public void insertAll(Connection connection, List<StoredMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (room_id, seq, message_id, msg_id, author, data, ts) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            for (StoredMessage message : messages) {
                insert.setString(1, message.roomId());
                insert.setLong(2, message.seq());
                insert.setString(3, message.messageId());
                insert.setString(4, message.msgId());
                insert.setString(5, message.author());
                insert.setString(6, message.data());
                insert.setLong(7, message.ts());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The stored messages among the given (room, msgId) pairs, in one query on the (room_id, msg_id) index. */
    public List<StoredMessage> byMsgIds(Connection connection, List<String> roomIds, List<String> msgIds)
            throws SQLException {
        List<StoredMessage> found = new ArrayList<>();
        if (roomIds.isEmpty()) {
            return found;
        }
        String columns = COLUMNS.replace("room_id,", "m.room_id,").replace(" msg_id,", " m.msg_id,");
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM messages m "
                + "JOIN unnest(?::text[], ?::text[]) AS k(room_id, msg_id) "
                + "ON m.room_id = k.room_id AND m.msg_id = k.msg_id")) {
            select.setArray(1, connection.createArrayOf("text", roomIds.toArray()));
            select.setArray(2, connection.createArrayOf("text", msgIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
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
