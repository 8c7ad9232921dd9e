package dev.switchboard.chat.messages;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.db.Sql;
import dev.switchboard.contracts.chat.ChatEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** SQL of room_events, the per-room log of every committed event in seq order. */
@ApplicationScoped
public class EventRepository {

    private final ObjectMapper mapper;

    public EventRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An event with the command that caused it (null for CREATED: its msgId identifies it). */
    public record Row(ChatEvent event, String data, String commandId) {
    }

    public void insertAll(Connection connection, List<Row> rows) throws SQLException {
        Sql.batch(connection,
                "INSERT INTO room_events (room_id, seq, kind, message_id, msg_id, author, actor, data, ts, command_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                rows, row -> {
                    ChatEvent e = row.event();
                    return new Object[] { e.roomId(), e.seq(), e.kind().name(), e.messageId(), e.msgId(), e.from(),
                            e.actor(), row.data(), e.ts(), row.commandId() };
                });
    }

    /** The seq an edit or delete command got when it was applied before, if it was. */
    public Optional<Long> seqOfCommand(Connection connection, String roomId, String commandId) throws SQLException {
        return Sql.one(connection,
                "SELECT seq FROM room_events WHERE room_id = ? AND command_id = ? AND kind <> 'CREATED'",
                rs -> rs.getLong(1), roomId, commandId);
    }

    /** Events with seq greater than {@code after}, ascending, at most {@code limit}. */
    public List<ChatEvent> after(Connection connection, String roomId, long after, int limit) throws SQLException {
        return Sql.list(connection, "SELECT kind, seq, message_id, msg_id, author, actor, data::text, ts "
                + "FROM room_events WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new ChatEvent(ChatEvent.Kind.valueOf(rs.getString(1)), roomId, rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), json(rs.getString(7)), rs.getLong(8)),
                roomId, after, limit);
    }

    /** Lowest seq still stored for the room; empty when retention removed them all or there never were any. */
    public Optional<Long> earliestSeq(Connection connection, String roomId) throws SQLException {
        return Sql.one(connection, "SELECT seq FROM room_events WHERE room_id = ? ORDER BY seq LIMIT 1",
                rs -> rs.getLong(1), roomId);
    }

    private JsonNode json(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new SQLException("Stored event data is not JSON", e);
        }
    }
}
