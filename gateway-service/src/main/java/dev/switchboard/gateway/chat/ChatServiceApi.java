package dev.switchboard.gateway.chat;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The internal reads of chat-service the gateway uses (built by {@link ChatServiceClient}). */
@Path("/v1/rooms/{roomId}")
public interface ChatServiceApi {

    @GET
    @Path("/access")
    Uni<RoomAccess> access(@PathParam("roomId") String roomId, @QueryParam("userId") String userId);

    @GET
    @Path("/events")
    Uni<RoomEventsPage> events(@PathParam("roomId") String roomId, @QueryParam("after") long after,
            @QueryParam("limit") int limit);
}
