package dev.switchboard.chat.cursors;

import java.util.List;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/unread: unread counts across the acting user's rooms (those they are a member of or have a cursor in). */
@Path("/v1/unread")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UnreadResource {

    @RegisterForReflection
    public record UnreadView(String userId, List<CursorRepository.Unread> rooms, long total) {
    }

    private final Database database;
    private final CursorRepository cursors;

    public UnreadResource(Database database, CursorRepository cursors) {
        this.database = database;
        this.cursors = cursors;
    }

    @GET
    public UnreadView unread(@HeaderParam(Params.USER_HEADER) String userHeader) {
        String user = Params.user(userHeader);
        return database.read(connection -> {
            List<CursorRepository.Unread> rooms = cursors.unread(connection, user, null);
            return new UnreadView(user, rooms, rooms.stream().mapToLong(CursorRepository.Unread::unread).sum());
        });
    }

}
