package dev.switchboard.gateway.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.chat.PublishService;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * POST /v1/channels/{channel}/messages {msgId, data}. Rooms go through the same {@link PublishService} as a WebSocket
 * publish (validation, authorization, idempotent msgId, answered once stored); tickers take quotes from tokens with
 * the publisher role and are forwarded to ticker-service's ingest, which owns the per-symbol seq.
 */
@Path("/v1/channels/{channel}/messages")
public class PublishResource {

    /** The answer: where it was stored. messageId is null for ticks (they are values, not messages). */
    @RegisterForReflection
    public record Published(String channel, long seq, String messageId) {
    }

    private final RequestIdentity identities;
    private final PublishService publishes;
    private final ChannelAuthorizer authorizer;
    private final BackendProxy proxy;
    private final String tickerUrl;
    private final ObjectMapper json;
    private final PublishLimiter limiter;

    public PublishResource(RequestIdentity identities, PublishService publishes, ChannelAuthorizer authorizer,
            BackendProxy proxy, GatewayConfig config, ObjectMapper json, PublishLimiter limiter) {
        this.json = json;
        this.limiter = limiter;
        this.identities = identities;
        this.publishes = publishes;
        this.authorizer = authorizer;
        this.proxy = proxy;
        this.tickerUrl = config.transports().tickerUrl();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(@Context HttpServerRequest request, @PathParam("channel") String name, JsonNode body) {
        Channel channel = Channel.parse(name);
        return identities.require(request).chain(who -> switch (channel.kind()) {
            case ROOM -> room(who, channel, body);
            case TICKER -> ticker(who, channel, body);
            case USER -> Uni.createFrom().failure(ProtocolException.forbidden(
                    "user channels take signal frames over WebSocket, not messages"));
        });
    }

    private Uni<Response> room(Identity who, Channel channel, JsonNode body) {
        JsonNode fields = object(body);
        String msgId = fields.path("msgId").isTextual() ? fields.get("msgId").asText() : null;
        if (fields.has("msgId") && !fields.get("msgId").isTextual()) {
            throw ProtocolException.badRequest("msgId must be a string");
        }
        PublishService.validate(channel, msgId, fields.get("data"));
        limiter.take(who.userId());
        return publishes.publish(who, channel, msgId, fields.get("data"))
                .map(result -> Response.ok(new Published(channel.name(), result.seq(), result.messageId())).build());
    }

    /** A quote (or a batch) for a ticker: publisher role only; ticker-service validates the quotes and answers. */
    private Uni<Response> ticker(Identity who, Channel channel, JsonNode body) {
        JsonNode data = object(body).get("data");
        return authorizer.authorizePublish(who, channel).chain(() -> {
            if (data == null || !(data.isObject() || data.isArray())) {
                throw ProtocolException.badRequest("data must be a quote object or an array of quotes");
            }
            return proxy.forward(tickerUrl, HttpMethod.POST, "/v1/tickers/" + channel.id() + "/quotes", who.userId(),
                    Buffer.buffer(data.toString()));
        }).map(response -> response.getStatus() >= 300 ? response : Response.ok(new Published(channel.name(),
                lastSeq(response), null)).build());
    }

    /** ticker-service's receipt {symbol, accepted, firstSeq, lastSeq}: the seq of the last quote stored. */
    private long lastSeq(Response receipt) {
        if (receipt.getEntity() instanceof byte[] bytes) {
            try {
                return json.readTree(bytes).path("lastSeq").asLong();
            } catch (IOException e) {
                return 0;
            }
        }
        return 0;
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProtocolException.badRequest("The body must be a JSON object {\"msgId\": \"...\", \"data\": {...}}");
        }
        return body;
    }
}
