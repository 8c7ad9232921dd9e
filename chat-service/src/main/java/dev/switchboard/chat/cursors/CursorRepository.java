package dev.switchboard.chat.cursors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.switchboard.chat.db.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Read cursors: a user's last-read seq per room, and what is unread after it. */
@ApplicationScoped
public class CursorRepository {

    @RegisterForReflection
    public record Unread(String roomId, long lastReadSeq, long latestSeq, long unread) {
    }

    public void put(Connection connection, String roomId, String userId, long seq, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO read_cursors (room_id, user_id, seq, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (room_id, user_id) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at",
                roomId, userId, seq, now);
    }

    /**
     * Unread messages of each room the user is a member of or has a cursor in: messages after the cursor that are not
     * deleted and not the user's own.
     */
    public List<Unread> unread(Connection connection, String userId, String onlyRoom) throws SQLException {
        String sql = "SELECT r.id, COALESCE(c.seq, 0), r.latest_seq, "
                + "(SELECT count(*) FROM messages m WHERE m.room_id = r.id AND m.seq > COALESCE(c.seq, 0) "
                + "AND NOT m.deleted AND m.author <> ?) "
                + "FROM rooms r LEFT JOIN read_cursors c ON c.room_id = r.id AND c.user_id = ? "
                + (onlyRoom != null ? "WHERE r.id = ? "
                        : "WHERE r.id IN (SELECT room_id FROM room_members WHERE user_id = ? "
                                + "UNION SELECT room_id FROM read_cursors WHERE user_id = ?) ")
                + "ORDER BY r.id";
        Object[] params = onlyRoom != null ? new Object[] { userId, userId, onlyRoom }
                : new Object[] { userId, userId, userId, userId };
        return Sql.list(connection, sql,
                rs -> new Unread(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), params);
    }
}
