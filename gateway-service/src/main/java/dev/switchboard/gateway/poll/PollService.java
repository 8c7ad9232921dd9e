package dev.switchboard.gateway.poll;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.fanout.LocalConnections;
import dev.switchboard.gateway.http.StreamCursor;
import dev.switchboard.gateway.http.StreamSubscriptions;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.ws.WsFrames;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Long and short polling over {@link PollSession}s. A poll with the cursor of a live session of this replica waits on
 * it (without holding a thread: a timer-bound Uni); any other cursor (expired session, another replica, a restart, a
 * changed channel list) starts a new session that resumes each room from the cursor's position through durable
 * history, exactly like a WebSocket subscribe with since.
 */
@ApplicationScoped
public class PollService {

    /** A poll's answer, already serialized: {"cursor": "...", "events": [frames...]}. */
    public record PollAnswer(String body) {
    }

    private static final Logger LOG = Logger.getLogger(PollService.class);

    private final Map<String, PollSession> sessions = new ConcurrentHashMap<>();
    private final ChannelAuthorizer authorizer;
    private final StreamSubscriptions subscriptions;
    private final LocalConnections connections;
    private final WsFrames frames;
    private final GatewayConfig config;
    private final GatewayConfig.Poll poll;
    private final Vertx vertx;

    public PollService(ChannelAuthorizer authorizer, StreamSubscriptions subscriptions, LocalConnections connections,
            WsFrames frames, GatewayConfig config, Vertx vertx) {
        this.authorizer = authorizer;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.frames = frames;
        this.config = config;
        this.poll = config.transports().poll();
        this.vertx = vertx;
    }

    void startSweeper(@Observes StartupEvent event) {
        long ttlNanos = poll.sessionTtl().toNanos();
        vertx.setPeriodic(Math.max(500, poll.sessionTtl().toMillis() / 4), id -> sessions.values().stream()
                .filter(session -> session.isClosed() || session.idleLongerThan(ttlNanos))
                .toList().forEach(this::close));
    }

    /**
     * @param from   the client's cursor, or null for a first call (answered at once with the starting cursor)
     * @param waitMs how long to wait for a first event; 0 answers at once
     */
    public Uni<PollAnswer> poll(Identity who, List<Channel> channels, StreamCursor from, long waitMs) {
        Set<String> names = channels.stream().map(Channel::name).collect(Collectors.toSet());
        if (from == null) {
            return open(who, channels).chain(session -> subscriptions.subscribeAll(session, channels, null)
                    .replaceWith(() -> answer(session, null, 0)));
        }
        PollSession current = from.session() == null ? null : sessions.get(from.session());
        if (current != null && !current.isBroken() && !current.isClosed()
                && Objects.equals(current.identity().userId(), who.userId()) && current.requested().equals(names)) {
            return await(current, from, waitMs);
        }
        if (current != null && Objects.equals(current.identity().userId(), who.userId())) {
            close(current);
        }
        // Resume: replay runs in the background, paced by the session's buffer, while this poll waits for events.
        return open(who, channels).chain(session -> {
            subscriptions.subscribeAll(session, channels, from).subscribe().with(ignored -> {
            }, failure -> LOG.debugf("Poll resume of %s failed: %s", session.id(), failure.toString()));
            return await(session, new StreamCursor(session.id(), 0, from.positions()), waitMs);
        });
    }

    private Uni<PollSession> open(Identity who, List<Channel> channels) {
        return Uni.join().all(channels.stream().map(channel -> authorizer.authorizeSubscribe(who, channel)).toList())
                .andFailFast().map(ignored -> {
                    if (!who.isAnonymous()
                            && !connections.claimUserSlot(who.userId(), config.limits().maxConnectionsPerUser())) {
                        throw new ProtocolException(ErrorCode.RATE_LIMITED,
                                "Too many connections for this user; reuse the cursor of your poll");
                    }
                    PollSession session = new PollSession(who,
                            channels.stream().map(Channel::name).collect(Collectors.toSet()), frames,
                            config.outbound().queueSize());
                    sessions.put(session.id(), session);
                    connections.add(session);
                    return session;
                });
    }

    private Uni<PollAnswer> await(PollSession session, StreamCursor from, long waitMs) {
        session.pollStarted();
        Uni<Void> ready = waitMs == 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().completionStage(() -> session.readyAfter(from.index()))
                        .ifNoItem().after(Duration.ofMillis(waitMs)).recoverWithItem((Void) null);
        return ready.map(ignored -> answer(session, from, from.index()))
                .eventually(session::pollEnded);
    }

    private PollAnswer answer(PollSession session, StreamCursor from, long ack) {
        Map<String, Long> positions = new HashMap<>(from == null ? Map.of() : from.positions());
        PollSession.Batch batch = session.take(ack, poll.maxEvents());
        if (batch == null) {
            // Overflowed or closed: the client's next poll resumes from the positions it really holds.
            close(session);
            return new PollAnswer(body(new StreamCursor(null, 0, positions).encode(), List.of()));
        }
        session.introPositions().forEach((channel, seq) -> positions.merge(channel, seq, Math::max));
        for (PollSession.Entry entry : batch.entries()) {
            if (entry.seq > 0 && entry.channel != null) {
                positions.merge(entry.channel, entry.seq, Math::max);
            }
        }
        String cursor = new StreamCursor(session.id(), batch.lastIndex(), positions).encode();
        return new PollAnswer(body(cursor, batch.entries().stream().map(entry -> entry.json).toList()));
    }

    private static String body(String cursor, List<String> events) {
        return "{\"cursor\":\"" + cursor + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private void close(PollSession session) {
        if (sessions.remove(session.id(), session)) {
            session.close();
            subscriptions.unsubscribeAll(session, session.channels());
            connections.remove(session.id());
            if (!session.identity().isAnonymous()) {
                connections.releaseUserSlot(session.identity().userId());
            }
        }
    }

    int sessionCount() {
        return sessions.size();
    }
}
