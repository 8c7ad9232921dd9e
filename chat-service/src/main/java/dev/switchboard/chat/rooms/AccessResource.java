package dev.switchboard.chat.rooms;

import java.util.Optional;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.contracts.chat.MembershipEvent.Visibility;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Internal: what the gateway needs to authorize a user on a room (it caches this until a MembershipEvent). */
@Path("/v1/rooms/{id}/access")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AccessResource {

    @RegisterForReflection
    public record Access(String roomId, boolean exists, Visibility visibility, boolean member, String role,
            long latestSeq) {
    }

    private final Database database;
    private final RoomRepository rooms;

    public AccessResource(Database database, RoomRepository rooms) {
        this.database = database;
        this.rooms = rooms;
    }

    @GET
    public Access access(@PathParam("id") String id, @QueryParam("userId") String userId) {
        String roomId = Params.id("id", id);
        String user = userId == null || userId.isBlank() ? null : Params.id("userId", userId);
        return database.read(connection -> {
            Optional<Room> room = rooms.find(connection, roomId);
            if (room.isEmpty()) {
                return new Access(roomId, false, null, false, null, 0);
            }
            Optional<String> role = rooms.role(connection, roomId, user);
            return new Access(roomId, true, room.get().visibility(), role.isPresent(), role.orElse(null),
                    room.get().latestSeq());
        });
    }
}
