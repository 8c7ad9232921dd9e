package dev.switchboard.chat.cursors;

import java.util.List;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.rooms.Room;
import dev.switchboard.chat.rooms.RoomAccess;
import dev.switchboard.problem.ProblemException;
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

/** The acting user's read cursor per room, and unread counts across their rooms. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class CursorResource {

    public record PutCursor(@NotNull @PositiveOrZero Long seq) {
    }

    public record CursorView(String roomId, String userId, long seq, long latestSeq, long unread) {
    }

    public record UnreadView(String userId, List<CursorRepository.Unread> rooms, long total) {
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
    @Path("rooms/{id}/cursor")
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
    @Path("rooms/{id}/cursor")
    public CursorView get(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader) {
        String roomId = Params.id("id", id);
        String user = Params.user(userHeader);
        return database.read(connection -> {
            access.readable(connection, roomId, user);
            return view(cursors.unread(connection, user, roomId).get(0), user);
        });
    }

    @GET
    @Path("unread")
    public UnreadView unread(@HeaderParam(Params.USER_HEADER) String userHeader) {
        String user = Params.user(userHeader);
        return database.read(connection -> {
            List<CursorRepository.Unread> rooms = cursors.unread(connection, user, null);
            return new UnreadView(user, rooms, rooms.stream().mapToLong(CursorRepository.Unread::unread).sum());
        });
    }

    private static CursorView view(CursorRepository.Unread unread, String user) {
        return new CursorView(unread.roomId(), user, unread.lastReadSeq(), unread.latestSeq(), unread.unread());
    }
}
