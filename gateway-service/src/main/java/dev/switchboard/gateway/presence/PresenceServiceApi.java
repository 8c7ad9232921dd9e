package dev.switchboard.gateway.presence;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The internal read of presence-service the gateway uses (built by {@link PresenceServiceClient}). */
@Path("/v1/rooms/{roomId}/presence")
public interface PresenceServiceApi {

    @GET
    Uni<PresenceSnapshot> presence(@PathParam("roomId") String roomId);
}
