package dev.switchboard.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Ids;
import dev.switchboard.gateway.chat.PublishService;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Editing and deleting a stored room message (its author, or a moderator: chat-service decides). Each change is a
 * room event with the next seq, delivered to subscribers as a {@code message} with event edited or deleted.
 */
@Path("/v1/rooms/{id}/messages/{messageId}")
@Produces(MediaType.APPLICATION_JSON)
public class MessageChangesResource {

    private final RequestIdentity identities;
    private final PublishService publishes;
    private final PublishLimiter limiter;

    public MessageChangesResource(RequestIdentity identities, PublishService publishes, PublishLimiter limiter) {
        this.identities = identities;
        this.publishes = publishes;
        this.limiter = limiter;
    }

    /** Body {"data": {"text": ...}}: the new version of the message. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PublishResource.Published> edit(@Context HttpServerRequest request, @PathParam("id") String id,
            @PathParam("messageId") String messageId, JsonNode body) {
        if (body == null || !body.isObject() || !body.path("data").isObject()) {
            throw ProtocolException.badRequest("The body must be {\"data\": {\"text\": \"...\"}}");
        }
        return change(request, id, messageId, body.get("data"));
    }

    @DELETE
    public Uni<PublishResource.Published> delete(@Context HttpServerRequest request, @PathParam("id") String id,
            @PathParam("messageId") String messageId) {
        return change(request, id, messageId, null);
    }

    private Uni<PublishResource.Published> change(HttpServerRequest request, String id, String messageId,
            JsonNode data) {
        if (!Ids.isValid(id)) {
            throw ProtocolException.badRequest("ids must match " + Ids.ID_PATTERN);
        }
        Channel room = Channel.room(id);
        return identities.require(request).chain(who -> {
            limiter.take(who.userId());
            return publishes.change(who, room, messageId, data);
        }).map(result -> new PublishResource.Published(room.name(), result.seq(), result.messageId()));
    }
}
