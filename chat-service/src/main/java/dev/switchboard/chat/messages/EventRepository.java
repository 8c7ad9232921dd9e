package dev.switchboard.chat.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO room_events (room_id, seq, kind, message_id, msg_id, author, actor, data, ts, command_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            for (Row row : rows) {
                ChatEvent event = row.event();
                insert.setString(1, event.roomId());
                insert.setLong(2, event.seq());
                insert.setString(3, event.kind().name());
                insert.setString(4, event.messageId());
                insert.setString(5, event.msgId());
                insert.setString(6, event.from());
                insert.setString(7, event.actor());
                insert.setString(8, row.data());
                insert.setLong(9, event.ts());
                insert.setString(10, row.commandId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The seq an edit or delete command got when it was applied before, if it was. */
    public OptionalLong seqOfCommand(Connection connection, String roomId, String commandId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq FROM room_events WHERE room_id = ? AND command_id = ? AND kind <> 'CREATED'")) {
            select.setString(1, roomId);
            select.setString(2, commandId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Events with seq greater than {@code after}, ascending, at most {@code limit}. */
    public List<ChatEvent> after(Connection connection, String roomId, long after, int limit) throws SQLException {
        List<ChatEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, seq, message_id, msg_id, author, actor, data::text, ts FROM room_events "
                        + "WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            select.setString(1, roomId);
            select.setLong(2, after);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new ChatEvent(ChatEvent.Kind.valueOf(rs.getString(1)), roomId, rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), json(rs.getString(7)),
                            rs.getLong(8)));
                }
            }
        }
        return events;
    }

    /** Lowest seq still stored for the room; empty when retention removed them all or there never were any. */
    public OptionalLong earliestSeq(Connection connection, String roomId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq FROM room_events WHERE room_id = ? ORDER BY seq LIMIT 1")) {
            select.setString(1, roomId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
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
