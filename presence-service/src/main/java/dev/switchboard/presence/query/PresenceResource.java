package dev.switchboard.presence.query;

import java.util.concurrent.CompletionException;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.presence.RoomPresence;
import dev.switchboard.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /v1/rooms/{id}/presence: the users present in a room, with their metadata and connection counts.
 * {@code internal=true} is for instance-to-instance reads: answer from the local stores only.
 */
@Path("/v1/rooms/{id}/presence")
public class PresenceResource {

    private final RoomPresenceQuery query;

    public PresenceResource(RoomPresenceQuery query) {
        this.query = query;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // store reads are synchronous RocksDB calls
    public Uni<RoomPresence> presence(@PathParam("id") String roomId, @QueryParam(RoomPresenceQuery.INTERNAL_PARAM) boolean internal) {
        if (!Ids.isValid(roomId)) {
            throw ProblemException.badRequest("Room id must match " + Ids.ID_PATTERN);
        }
        return Uni.createFrom().completionStage(() -> query.presence(roomId, internal))
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }
}
