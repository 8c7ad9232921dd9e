package dev.switchboard.chat.rooms;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.switchboard.chat.outbox.Outbox;
import dev.switchboard.chat.outbox.OutboxRecord;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.MembershipEvent;
import dev.switchboard.contracts.chat.MembershipEvent.Visibility;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates rooms and changes membership, with the MembershipEvents that tell gateways about it written to the outbox
 * in the same transaction. Shared by the command path (a public room created by its first publish) and the HTTP API.
 */
@ApplicationScoped
public class RoomCreator {

    private final RoomRepository rooms;
    private final Outbox outbox;

    public RoomCreator(RoomRepository rooms, Outbox outbox) {
        this.rooms = rooms;
        this.outbox = outbox;
    }

    /**
     * Creates the room with its creator as moderator; empty if a room with that id exists already. The row stays
     * locked by the caller's transaction.
     */
    public Optional<Room> create(Connection connection, String id, Visibility visibility, String name, String creator,
            Long retentionMs, long now, List<OutboxRecord> out) throws SQLException {
        Room room = new Room(id, visibility, name, creator, now, 0, retentionMs);
        if (!rooms.insert(connection, room)) {
            return Optional.empty();
        }
        out.add(membershipEvent(MembershipEvent.Kind.ROOM_CREATED, room, null, null, now));
        putMember(connection, room, creator, Roles.MODERATOR, Optional.empty(), now, out);
        return Optional.of(room);
    }

    /** Adds a member or changes their role; {@code current} is their role before the change, if any. */
    public void putMember(Connection connection, Room room, String userId, String role, Optional<String> current,
            long now, List<OutboxRecord> out) throws SQLException {
        if (current.isPresent() && current.get().equals(role)) {
            return;
        }
        rooms.putMember(connection, room.id(), userId, role, now);
        MembershipEvent.Kind kind = current.isPresent() ? MembershipEvent.Kind.ROLE_CHANGED : MembershipEvent.Kind.ADDED;
        out.add(membershipEvent(kind, room, userId, role, now));
    }

    public boolean removeMember(Connection connection, Room room, String userId, long now, List<OutboxRecord> out)
            throws SQLException {
        if (!rooms.removeMember(connection, room.id(), userId)) {
            return false;
        }
        out.add(membershipEvent(MembershipEvent.Kind.REMOVED, room, userId, null, now));
        return true;
    }

    private OutboxRecord membershipEvent(MembershipEvent.Kind kind, Room room, String userId, String role, long now) {
        return outbox.json(Topics.CHAT_MEMBERSHIP, room.id(),
                new MembershipEvent(kind, room.id(), room.visibility(), userId, role, now));
    }
}
