package dev.switchboard.chat.messages;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.switchboard.chat.db.Sql;
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
        Sql.batch(connection, "INSERT INTO messages (room_id, seq, message_id, msg_id, author, data, ts) "
                + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)", messages,
                m -> new Object[] { m.roomId(), m.seq(), m.messageId(), m.msgId(), m.author(), m.data(), m.ts() });
    }

    /** The stored messages among the given (room, msgId) pairs, in one query on the (room_id, msg_id) index. */
    public List<StoredMessage> byMsgIds(Connection connection, List<String> roomIds, List<String> msgIds)
            throws SQLException {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        String columns = COLUMNS.replace("room_id,", "m.room_id,").replace(" msg_id,", " m.msg_id,");
        return Sql.list(connection, "SELECT " + columns + " FROM messages m "
                + "JOIN unnest(?::text[], ?::text[]) AS k(room_id, msg_id) "
                + "ON m.room_id = k.room_id AND m.msg_id = k.msg_id", MessageRepository::read,
                connection.createArrayOf("text", roomIds.toArray()), connection.createArrayOf("text", msgIds.toArray()));
    }

    public Optional<StoredMessage> byMessageId(Connection connection, String roomId, String messageId)
            throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM messages WHERE room_id = ? AND message_id = ?",
                MessageRepository::read, roomId, messageId);
    }

    public void edit(Connection connection, String roomId, String messageId, String data, long editedAt)
            throws SQLException {
        Sql.update(connection, "UPDATE messages SET data = ?::jsonb, edited_at = ? WHERE room_id = ? AND message_id = ?",
                data, editedAt, roomId, messageId);
    }

    public void delete(Connection connection, String roomId, String messageId) throws SQLException {
        Sql.update(connection, "UPDATE messages SET data = NULL, deleted = true WHERE room_id = ? AND message_id = ?",
                roomId, messageId);
    }

    public static StoredMessage read(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), Sql.nullableLong(rs, 8), rs.getBoolean(9));
    }
}
