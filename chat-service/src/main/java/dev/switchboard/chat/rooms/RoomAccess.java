package dev.switchboard.chat.rooms;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.switchboard.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may see a room over HTTP: anyone for a public room, members only for a private one. */
@ApplicationScoped
public class RoomAccess {

    private final RoomRepository rooms;

    public RoomAccess(RoomRepository rooms) {
        this.rooms = rooms;
    }

    /** The room, or 404 if unknown, or 403 if private and {@code userId} is not a member. */
    public Room readable(Connection connection, String roomId, String userId) throws SQLException {
        Room room = rooms.find(connection, roomId).orElseThrow(() -> ProblemException.notFound("no room " + roomId));
        if (room.isPrivate() && rooms.role(connection, roomId, userId).isEmpty()) {
            throw ProblemException.forbidden("room " + roomId + " is private and you are not a member");
        }
        return room;
    }

    /** The room locked for a change by a moderator; 404 if unknown, 403 if {@code userId} is not its moderator. */
    public Room moderated(Connection connection, String roomId, String userId) throws SQLException {
        Room room = rooms.lock(connection, roomId).orElseThrow(() -> ProblemException.notFound("no room " + roomId));
        if (!isModerator(connection, roomId, userId)) {
            throw ProblemException.forbidden("only a moderator of " + roomId + " may do this");
        }
        return room;
    }

    public boolean isModerator(Connection connection, String roomId, String userId) throws SQLException {
        Optional<String> role = rooms.role(connection, roomId, userId);
        return role.filter(Roles.MODERATOR::equals).isPresent();
    }
}
