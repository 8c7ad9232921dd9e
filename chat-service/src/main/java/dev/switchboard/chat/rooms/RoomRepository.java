package dev.switchboard.chat.rooms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.contracts.chat.MembershipEvent.Visibility;
import jakarta.enterprise.context.ApplicationScoped;

/** SQL of rooms and their members; every method runs in the caller's connection and transaction. */
@ApplicationScoped
public class RoomRepository {

    private static final String COLUMNS = "id, visibility, name, created_by, created_at, latest_seq, retention_ms";

    public record Member(String userId, String role, long joinedAt) {
    }

    public record Membership(Room room, String role) {
    }

    /** Locks the rooms that exist among {@code ids}, in id order so that two replicas cannot deadlock on them. */
    public Map<String, Room> lockAll(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, Room> rooms = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM rooms WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Room room = room(rs);
                    rooms.put(room.id(), room);
                }
            }
        }
        return rooms;
    }

    public Optional<Room> find(Connection connection, String id) throws SQLException {
        return findOne(connection, "SELECT " + COLUMNS + " FROM rooms WHERE id = ?", id);
    }

    public Optional<Room> lock(Connection connection, String id) throws SQLException {
        return findOne(connection, "SELECT " + COLUMNS + " FROM rooms WHERE id = ? FOR UPDATE", id);
    }

    /** Inserts the room unless one with its id exists; true if this call created it. */
    public boolean insert(Connection connection, Room room) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rooms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, room.id());
            insert.setString(2, room.visibility().name());
            insert.setString(3, room.name());
            insert.setString(4, room.createdBy());
            insert.setLong(5, room.createdAt());
            insert.setObject(6, room.retentionMs());
            return insert.executeUpdate() == 1;
        }
    }

    public void updateLatestSeqs(Connection connection, Map<String, Long> latest) throws SQLException {
        if (latest.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE rooms SET latest_seq = ? WHERE id = ?")) {
            for (Map.Entry<String, Long> entry : latest.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    public void updateRetention(Connection connection, String id, Long retentionMs) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE rooms SET retention_ms = ? WHERE id = ?")) {
            update.setObject(1, retentionMs);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    public Optional<String> role(Connection connection, String roomId, String userId) throws SQLException {
        if (userId == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role FROM room_members WHERE room_id = ? AND user_id = ?")) {
            select.setString(1, roomId);
            select.setString(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void putMember(Connection connection, String roomId, String userId, String role, long now)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO room_members (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role")) {
            upsert.setString(1, roomId);
            upsert.setString(2, userId);
            upsert.setString(3, role);
            upsert.setLong(4, now);
            upsert.executeUpdate();
        }
    }

    public boolean removeMember(Connection connection, String roomId, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM room_members WHERE room_id = ? AND user_id = ?")) {
            delete.setString(1, roomId);
            delete.setString(2, userId);
            return delete.executeUpdate() == 1;
        }
    }

    public List<Member> members(Connection connection, String roomId) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, role, joined_at FROM room_members WHERE room_id = ? ORDER BY user_id")) {
            select.setString(1, roomId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return members;
    }

    public List<Membership> roomsOf(Connection connection, String userId) throws SQLException {
        List<Membership> rooms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT r.id, r.visibility, r.name, r.created_by, r.created_at, r.latest_seq, r.retention_ms, m.role "
                        + "FROM room_members m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = ? ORDER BY r.id")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rooms.add(new Membership(room(rs), rs.getString(8)));
                }
            }
        }
        return rooms;
    }

    private Optional<Room> findOne(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(room(rs)) : Optional.empty();
            }
        }
    }

    private static Room room(ResultSet rs) throws SQLException {
        long retention = rs.getLong(7);
        return new Room(rs.getString(1), Visibility.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), rs.wasNull() ? null : retention);
    }
}
