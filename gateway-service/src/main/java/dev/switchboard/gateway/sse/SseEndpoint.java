package dev.switchboard.gateway.sse;

import java.util.List;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.auth.OriginPolicy;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.fanout.DrainLoops;
import dev.switchboard.gateway.fanout.LocalConnections;
import dev.switchboard.gateway.http.ChannelParams;
import dev.switchboard.gateway.http.RequestIdentity;
import dev.switchboard.gateway.http.RouteProblems;
import dev.switchboard.gateway.http.StreamCursor;
import dev.switchboard.gateway.http.StreamSubscriptions;
import dev.switchboard.gateway.lifecycle.DrainState;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.ws.WsFrames;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * GET /v1/sse?channel=...&channel=... (text/event-stream). Everything that can be refused is refused before the
 * stream starts, as problem+json: a bad channel or Last-Event-ID (400), a missing or bad token (401), an Origin not
 * allowed or a channel the user may not read (403), too many connections (429), chat-service unreachable for a room check (503). Then the
 * stream opens and the channels are subscribed like a WebSocket subscribe, resuming from Last-Event-ID if given.
 * A plain Vert.x route rather than a JAX-RS resource: the stream needs the response's own write back-pressure.
 */
@ApplicationScoped
public class SseEndpoint {

    public static final String PATH = "/v1/sse";

    private static final Logger LOG = Logger.getLogger(SseEndpoint.class);

    private final OriginPolicy origins;
    private final RequestIdentity identities;
    private final ChannelAuthorizer authorizer;
    private final StreamSubscriptions subscriptions;
    private final LocalConnections connections;
    private final DrainState drain;
    private final WsFrames frames;
    private final RouteProblems problems;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final DrainLoops drainLoops;

    public SseEndpoint(OriginPolicy origins, RequestIdentity identities, ChannelAuthorizer authorizer, StreamSubscriptions subscriptions,
            LocalConnections connections, DrainState drain, WsFrames frames, RouteProblems problems, GatewayConfig config,
            Vertx vertx, DrainLoops drainLoops) {
        this.origins = origins;
        this.identities = identities;
        this.authorizer = authorizer;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.drain = drain;
        this.frames = frames;
        this.problems = problems;
        this.config = config;
        this.vertx = vertx;
        this.drainLoops = drainLoops;
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(this::open);
    }

    private void open(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Executor executor = drainLoops.current();
        List<Channel> channels;
        StreamCursor from;
        try {
            origins.check(request.getHeader("Origin"));
            if (drain.isDraining()) {
                throw ProtocolException.unavailable("This server is draining; reconnect");
            }
            channels = ChannelParams.parse(request.params().getAll("channel"), config.limits().maxSubscriptions());
            from = resumePoint(request);
        } catch (ProtocolException e) {
            refuse(routing, e);
            return;
        }
        identities.forReading(request, channels)
                .call(who -> Uni.join().all(channels.stream()
                        .map(channel -> authorizer.authorizeSubscribe(who, channel)).toList())
                        .andFailFast())
                .emitOn(executor)
                .subscribe().with(who -> start(routing, executor, who, channels, from),
                        failure -> refuse(routing, ProtocolException.of(failure)));
    }

    private static StreamCursor resumePoint(HttpServerRequest request) {
        String lastEventId = request.getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = request.getParam("lastEventId");
        }
        return lastEventId == null || lastEventId.isEmpty() ? null : StreamCursor.decode(lastEventId, "Last-Event-ID");
    }

    private void start(RoutingContext routing, Executor executor, Identity who, List<Channel> channels,
            StreamCursor from) {
        HttpServerResponse response = routing.response();
        if (response.closed()) {
            return;
        }
        boolean slot = !who.isAnonymous();
        if (slot && !connections.claimUserSlot(who.userId(), config.limits().maxConnectionsPerUser())) {
            refuse(routing, new ProtocolException(ErrorCode.RATE_LIMITED, "Too many connections for this user"));
            return;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no");
        SseStream stream = new SseStream(who, response, executor, frames, from, config.outbound().queueSize(),
                config.outbound().writeWindow());
        connections.add(stream);
        long heartbeat = vertx.setPeriodic(config.transports().sse().heartbeat().toMillis(), id -> stream.heartbeat());
        long expiry = who.expiresAtMs() == Long.MAX_VALUE ? -1
                : vertx.setTimer(Math.max(1, who.expiresAtMs() - System.currentTimeMillis()), id -> stream.fail(
                        new ProtocolException(ErrorCode.UNAUTHORIZED, "The token expired; reconnect with a new one")));
        stream.onClose(() -> {
            vertx.cancelTimer(heartbeat);
            vertx.cancelTimer(expiry);
            connections.remove(stream.id());
            subscriptions.unsubscribeAll(stream, stream.channels());
            if (slot) {
                connections.releaseUserSlot(who.userId());
            }
            LOG.debugf("SSE stream %s of %s closed", stream.id(), who.userId());
        });
        response.closeHandler(ignored -> executor.execute(stream::close));
        // retry: first, so that the headers and the first bytes leave at once (EventSource fires open).
        stream.send(SseFormat.retry(config.transports().sse().retryMs()) + "\n");
        subscriptions.subscribeAll(stream, channels, from).subscribe().with(ignored -> {
            if (response.closed() || stream.isClosed()) {
                // Gone while subscribing: what was subscribed after the close must be undone too.
                executor.execute(() -> {
                    stream.close();
                    subscriptions.unsubscribeAll(stream, stream.channels());
                });
            }
        }, failure -> LOG.warnf("SSE subscribe of %s failed: %s", stream.id(), failure.toString()));
    }

    private void refuse(RoutingContext routing, ProtocolException problem) {
        problems.refuse(routing, problem);
    }
}
