package dev.switchboard.gateway.poll;

import java.util.List;

import dev.switchboard.gateway.auth.OriginPolicy;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.http.ChannelParams;
import dev.switchboard.gateway.http.RequestIdentity;
import dev.switchboard.gateway.http.StreamCursor;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /v1/poll?channel=...&cursor=...&waitMs=25000: long polling; waitMs=0 is short polling. */
@Path("/v1/poll")
public class PollResource {

    private final OriginPolicy origins;
    private final RequestIdentity identities;
    private final PollService polls;
    private final GatewayConfig.Poll config;
    private final int maxChannels;

    public PollResource(OriginPolicy origins, RequestIdentity identities, PollService polls,
            GatewayConfig gateway) {
        this.origins = origins;
        this.identities = identities;
        this.polls = polls;
        this.config = gateway.transports().poll();
        this.maxChannels = gateway.limits().maxSubscriptions();
    }

    @GET
    public Uni<Response> poll(@Context HttpServerRequest request, @QueryParam("channel") List<String> channel,
            @QueryParam("cursor") String cursor, @QueryParam("waitMs") String waitMs) {
        origins.check(request.getHeader("Origin"));
        List<Channel> channels = ChannelParams.parse(channel, maxChannels);
        long wait = waitMs(waitMs);
        StreamCursor from = cursor == null || cursor.isEmpty() ? null : StreamCursor.decode(cursor, "cursor");
        return identities.forReading(request, channels)
                .chain(who -> polls.poll(who, channels, from, wait))
                .map(answer -> Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store").build());
    }

    private long waitMs(String value) {
        if (value == null || value.isEmpty()) {
            return Math.min(config.defaultWaitMs(), config.maxWaitMs());
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProtocolException.badRequest("waitMs must be an integer from 0 to " + config.maxWaitMs());
        }
        if (parsed < 0 || parsed > config.maxWaitMs()) {
            throw ProtocolException.badRequest("waitMs must be an integer from 0 to " + config.maxWaitMs());
        }
        return parsed;
    }
}
