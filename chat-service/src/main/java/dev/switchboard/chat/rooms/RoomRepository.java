package dev.switchboard.chat.rooms;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.chat.db.Sql;
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
        for (Room room : Sql.list(connection, "SELECT " + COLUMNS + " FROM rooms WHERE id = ANY (?) ORDER BY id FOR UPDATE",
                RoomRepository::room, connection.createArrayOf("text", ids.toArray()))) {
            rooms.put(room.id(), room);
        }
        return rooms;
    }

    public Optional<Room> find(Connection connection, String id) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM rooms WHERE id = ?", RoomRepository::room, id);
    }

    public Optional<Room> lock(Connection connection, String id) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM rooms WHERE id = ? FOR UPDATE", RoomRepository::room,
                id);
    }

    /** Inserts the room unless one with its id exists; true if this call created it. */
    public boolean insert(Connection connection, Room room) throws SQLException {
        return Sql.update(connection,
                "INSERT INTO rooms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING",
                room.id(), room.visibility().name(), room.name(), room.createdBy(), room.createdAt(),
                room.retentionMs()) == 1;
    }

    public void updateLatestSeqs(Connection connection, Map<String, Long> latest) throws SQLException {
        Sql.batch(connection, "UPDATE rooms SET latest_seq = ? WHERE id = ?", latest.entrySet(),
                entry -> new Object[] { entry.getValue(), entry.getKey() });
    }

    public void updateRetention(Connection connection, String id, Long retentionMs) throws SQLException {
        Sql.update(connection, "UPDATE rooms SET retention_ms = ?::bigint WHERE id = ?", retentionMs, id);
    }

    public Optional<String> role(Connection connection, String roomId, String userId) throws SQLException {
        if (userId == null) {
            return Optional.empty();
        }
        return Sql.one(connection, "SELECT role FROM room_members WHERE room_id = ? AND user_id = ?",
                rs -> rs.getString(1), roomId, userId);
    }

    public void putMember(Connection connection, String roomId, String userId, String role, long now)
            throws SQLException {
        Sql.update(connection, "INSERT INTO room_members (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role", roomId, userId, role, now);
    }

    public boolean removeMember(Connection connection, String roomId, String userId) throws SQLException {
        return Sql.update(connection, "DELETE FROM room_members WHERE room_id = ? AND user_id = ?", roomId,
                userId) == 1;
    }

    public List<Member> members(Connection connection, String roomId) throws SQLException {
        return Sql.list(connection, "SELECT user_id, role, joined_at FROM room_members WHERE room_id = ? ORDER BY user_id",
                rs -> new Member(rs.getString(1), rs.getString(2), rs.getLong(3)), roomId);
    }

    public List<Membership> roomsOf(Connection connection, String userId) throws SQLException {
        return Sql.list(connection,
                "SELECT r.id, r.visibility, r.name, r.created_by, r.created_at, r.latest_seq, r.retention_ms, m.role "
                        + "FROM room_members m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = ? ORDER BY r.id",
                rs -> new Membership(room(rs), rs.getString(8)), userId);
    }

    private static Room room(ResultSet rs) throws SQLException {
        return new Room(rs.getString(1), Visibility.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), Sql.nullableLong(rs, 7));
    }
}
