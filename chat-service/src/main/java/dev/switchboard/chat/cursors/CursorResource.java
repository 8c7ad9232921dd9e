package dev.switchboard.chat.cursors;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.rooms.Room;
import dev.switchboard.chat.rooms.RoomAccess;
import dev.switchboard.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The acting user's read cursor in a room: their last-read seq, and how many messages came after it. */
@Path("/v1/rooms/{id}/cursor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class CursorResource {

    @RegisterForReflection
    public record PutCursor(@NotNull @PositiveOrZero Long seq) {
    }

    @RegisterForReflection
    public record CursorView(String roomId, String userId, long seq, long latestSeq, long unread) {
    }

    private final Database database;
    private final RoomAccess access;
    private final CursorRepository cursors;

    public CursorResource(Database database, RoomAccess access, CursorRepository cursors) {
        this.database = database;
        this.access = access;
        this.cursors = cursors;
    }

    @PUT
    public CursorView put(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader,
            @NotNull @Valid PutCursor body) {
        String roomId = Params.id("id", id);
        String user = Params.user(userHeader);
        return database.inTransaction(connection -> {
            Room room = access.readable(connection, roomId, user);
            if (body.seq() > room.latestSeq()) {
                throw ProblemException.badRequest("seq must be at most the room's latest seq, " + room.latestSeq());
            }
            cursors.put(connection, roomId, user, body.seq(), System.currentTimeMillis());
            return view(cursors.unread(connection, user, roomId).get(0), user);
        });
    }

    @GET
    public CursorView get(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader) {
        String roomId = Params.id("id", id);
        String user = Params.user(userHeader);
        return database.read(connection -> {
            access.readable(connection, roomId, user);
            return view(cursors.unread(connection, user, roomId).get(0), user);
        });
    }

    private static CursorView view(CursorRepository.Unread unread, String user) {
        return new CursorView(unread.roomId(), user, unread.lastReadSeq(), unread.latestSeq(), unread.unread());
    }
}
