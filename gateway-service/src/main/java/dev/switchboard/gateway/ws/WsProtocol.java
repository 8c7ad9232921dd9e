package dev.switchboard.gateway.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.auth.OriginPolicy;
import dev.switchboard.gateway.auth.TokenVerifier;
import dev.switchboard.gateway.chat.PublishService;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.DrainLoops;
import dev.switchboard.gateway.fanout.LocalConnections;
import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.limits.ConnectionLimits;
import dev.switchboard.gateway.presence.MemberLists;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.CloseCodes;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.EventFrames;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.presence.TypingService;
import dev.switchboard.gateway.signal.SignalService;
import dev.switchboard.gateway.subscription.SubscriptionService;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * protocol-v1 over WebSocket: authentication (header, query or first frame), the client frames of the protocol
 * tables and their answers, limits and closes. The transport-neutral work is done by the core services
 * (SubscriptionService, PublishService, TypingService, SignalService).
 */
@ApplicationScoped
public class WsProtocol {

    private static final Logger LOG = Logger.getLogger(WsProtocol.class);
    private static final int MAX_META_BYTES = 1024;

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ObjectReader reader;
    private final ObjectMapper json;
    private final WsFrames frames;
    private final EventFrames eventFrames;
    private final TokenVerifier tokens;
    private final LocalConnections connections;
    private final ChannelIndex index;
    private final SubscriptionService subscriptions;
    private final PublishService publishes;
    private final TypingService typing;
    private final SignalService signals;
    private final MemberLists memberLists;
    private final long heartbeatMs;
    private final Map<String, WsSession> sessions = new ConcurrentHashMap<>();
    private final OriginPolicy origins;
    private final DrainLoops drainLoops;

    public WsProtocol(GatewayConfig config, Vertx vertx, ObjectMapper json, WsFrames frames, EventFrames eventFrames,
            TokenVerifier tokens, LocalConnections connections, ChannelIndex index, SubscriptionService subscriptions,
            PublishService publishes, TypingService typing, SignalService signals, MemberLists memberLists,
            OriginPolicy origins, DrainLoops drainLoops) {
        this.config = config;
        this.vertx = vertx;
        this.json = json;
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.frames = frames;
        this.eventFrames = eventFrames;
        this.tokens = tokens;
        this.connections = connections;
        this.index = index;
        this.subscriptions = subscriptions;
        this.publishes = publishes;
        this.typing = typing;
        this.signals = signals;
        this.memberLists = memberLists;
        this.origins = origins;
        this.drainLoops = drainLoops;
        this.heartbeatMs = config.pingInterval().toMillis();
    }

    // --- lifecycle of a socket

    /** A socket was upgraded (on its event loop), over the TCP connection tcp. */
    WsSession opened(ServerWebSocket socket, HttpConnection tcp) {
        ChannelHandlerContext wire = TextFrames.channelOf(tcp);
        WsSession session = new WsSession(socket, wire, drainLoops.current(), new ConnectionLimits(config.limits()),
                frames, config.outbound().queueSize(), config.outbound().writeWindow());
        LOG.debugf("opened %s", session.id());
        sessions.put(session.id(), session);
        connections.add(session);
        session.onClosing(() -> closing(session, tcp));
        boolean originAllowed = origins.allows(socket.headers().get("Origin"));
        String token = tokenOf(socket);
        UpgradeLeftovers.release(socket, wire);
        if (!originAllowed) {
            session.closeNow(CloseCodes.FORBIDDEN, "origin not allowed");
            return session;
        }
        if (token != null) {
            verify(session, token);
            return session;
        }
        long timeoutMs = Math.max(1, config.auth().timeout().toMillis());
        if (!config.auth().anonymousTickers()) {
            session.authTimer(vertx.setTimer(timeoutMs, id -> {
                if (session.state() != WsSession.AuthState.AUTHENTICATED) {
                    session.closeNow(CloseCodes.UNAUTHORIZED, "no valid token within " + timeoutMs + " ms");
                }
            }));
        }
        return session;
    }

    /**
     * The server closes the socket: its subscriptions end now (LEAVE at once, not when a stalled client finally
     * acknowledges), and if the close handshake has not completed after the close timeout, the TCP connection is cut.
     */
    private void closing(WsSession session, HttpConnection tcp) {
        vertx.setTimer(Math.max(1, config.limits().closeTimeout().toMillis()), id -> {
            if (!session.isSocketClosed() && tcp != null) {
                tcp.close();
            }
        });
        release(session);
    }

    void closed(WsSession session) {
        if (sessions.remove(session.id()) != null) {
            release(session);
            session.disposeQueue();
        }
    }

    /** Ends everything the connection holds; once, whoever closes first. */
    private void release(WsSession session) {
        if (!session.markReleased()) {
            return;
        }
        connections.remove(session.id());
        vertx.cancelTimer(session.authTimer());
        for (String channel : List.copyOf(session.subscriptions())) {
            subscriptions.unsubscribe(session, Channel.parse(channel));
        }
        session.subscriptions().clear();
        if (session.userSlotClaimed()) {
            connections.releaseUserSlot(session.identity().userId());
        }
    }

    /** A protocol violation seen by the codec (e.g. a frame over the size limit): close with its status (1009). */
    void failed(WsSession session, Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof CorruptedWebSocketFrameException)) {
            cause = cause.getCause();
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            int code = corrupted.closeStatus() == null ? CloseCodes.POLICY_VIOLATION : corrupted.closeStatus().code();
            session.closeNow(code, code == CloseCodes.TOO_LARGE ? "frame too large" : "protocol violation");
        } else if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
            // Vert.x's message aggregation refused a fragmented message over the server's max message size.
            session.closeNow(CloseCodes.TOO_LARGE, "message too large");
        }
    }

    void pong(WsSession session) {
        session.touch();
    }

    void binary(WsSession session) {
        session.touch();
        badFrame(session, null, ProtocolException.badRequest("Binary frames are not supported; send JSON text"));
    }

    /** Every open session, for the keep-alive pings. */
    Collection<WsSession> sessions() {
        return sessions.values();
    }

    /** The open sessions that match, copied: the caller may close them while going through the list. */
    List<WsSession> sessionsWhere(Predicate<WsSession> matching) {
        List<WsSession> matched = new ArrayList<>();
        for (WsSession session : sessions.values()) {
            if (matching.test(session)) {
                matched.add(session);
            }
        }
        return matched;
    }

    // --- authentication

    private static String tokenOf(ServerWebSocket request) {
        String header = request.headers().get("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        String query = request.query();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("access_token=")) {
                    return java.net.URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private void verify(WsSession session, String token) {
        session.state(WsSession.AuthState.VERIFYING);
        tokens.verify(token).emitOn(session.executor()).subscribe().with(
                identity -> authenticated(session, identity, null),
                failure -> {
                    session.closeNow(CloseCodes.UNAUTHORIZED, ProtocolException.of(failure).getMessage());
                });
    }

    private void authenticated(WsSession session, Identity identity, String frameId) {
        LOG.debugf("authenticated %s as %s", session.id(), identity.userId());
        if (session.isClosing()) {
            return;
        }
        if (!connections.claimUserSlot(identity.userId(), config.limits().maxConnectionsPerUser())) {
            session.closeNow(CloseCodes.POLICY_VIOLATION, "too many connections for this user");
            return;
        }
        session.userSlotClaimed(true);
        vertx.cancelTimer(session.authTimer());
        session.authenticated(identity);
        Channel inbox = Channel.user(identity.userId());
        index.addLive(session, inbox);
        session.subscriptions().add(inbox.name());
        session.send(welcome(session, frameId));
        List<String> held = List.copyOf(session.heldFrames());
        session.heldFrames().clear();
        held.forEach(text -> handle(session, text));
    }

    private String welcome(WsSession session, String frameId) {
        return frames.welcome(frameId, session.id(), session.identity().userId(), heartbeatMs);
    }

    /** An auth frame: first authentication, or a refresh with a new token of the same user. */
    private void auth(WsSession session, InboundFrame frame) {
        String token = frame.requiredText("token");
        if (session.state() == WsSession.AuthState.AUTHENTICATED) {
            tokens.verify(token).emitOn(session.executor()).subscribe().with(identity -> {
                if (!identity.userId().equals(session.identity().userId())) {
                    session.send(frames.error(frame.id(), ProtocolException.forbidden(
                            "A connection cannot change its user; open a new one")));
                    return;
                }
                session.authenticated(identity);
                session.send(welcome(session, frame.id()));
            }, failure -> session.send(frames.error(frame.id(), ProtocolException.of(failure))));
            return;
        }
        session.state(WsSession.AuthState.VERIFYING);
        tokens.verify(token).emitOn(session.executor()).subscribe().with(
                identity -> authenticated(session, identity, frame.id()),
                failure -> session.closeNow(CloseCodes.UNAUTHORIZED, ProtocolException.of(failure).getMessage()));
    }

    // --- frames

    /** A text message from the client, as the socket received it. */
    void received(WsSession session, String text) {
        session.touch();
        int max = config.limits().maxFrameBytes();
        // A UTF-8 char is at most 3 bytes per UTF-16 unit: only long texts need their bytes counted.
        if (text.length() > max || (text.length() * 3L > max && text.getBytes(StandardCharsets.UTF_8).length > max)) {
            session.closeNow(CloseCodes.TOO_LARGE, "message too large");
            return;
        }
        handle(session, text);
    }

    private void handle(WsSession session, String text) {
        if (session.isClosing()) {
            return;
        }
        if (session.state() == WsSession.AuthState.VERIFYING) {
            session.heldFrames().add(text);
            return;
        }
        InboundFrame frame;
        try {
            frame = parse(text);
        } catch (ProtocolException e) {
            badFrame(session, null, e);
            return;
        }
        try {
            dispatch(session, frame);
        } catch (ProtocolException e) {
            if (e.code() == ErrorCode.BAD_REQUEST) {
                badFrame(session, frame.id(), e);
            } else {
                session.send(frames.error(frame.id(), e));
            }
        } catch (RuntimeException e) {
            session.send(frames.error(frame.id(), ProtocolException.of(e)));
        }
    }

    private InboundFrame parse(String text) {
        JsonNode node;
        try {
            node = reader.readTree(text);
        } catch (Exception e) {
            throw ProtocolException.badRequest("The frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ProtocolException.badRequest("A frame must be a JSON object");
        }
        ObjectNode body = (ObjectNode) node;
        JsonNode id = body.get("id");
        if (id != null && !id.isNull() && (!id.isTextual() || id.asText().length() > InboundFrame.MAX_ID_CHARS)) {
            throw ProtocolException.badRequest("id must be a string of at most " + InboundFrame.MAX_ID_CHARS + " characters");
        }
        String frameId = id == null || id.isNull() ? null : id.asText();
        JsonNode type = body.get("type");
        if (type == null || !type.isTextual()) {
            throw new FrameException(frameId, ProtocolException.badRequest("type is required and must be a string"));
        }
        return new InboundFrame(frameId, type.asText(), body);
    }

    private void dispatch(WsSession session, InboundFrame frame) {
        String type = frame.type();
        if (type.equals("auth")) {
            auth(session, frame);
            return;
        }
        if (type.equals("ping")) {
            session.send(frames.pong(frame.id()));
            return;
        }
        if (!isKnown(type)) {
            throw ProtocolException.badRequest("Unknown frame type: " + abbreviate(type));
        }
        if (session.state() != WsSession.AuthState.AUTHENTICATED && !anonymousMayUse(frame)) {
            session.send(frames.error(frame.id(), new ProtocolException(ErrorCode.UNAUTHORIZED,
                    "Authenticate first: send {\"type\":\"auth\",\"token\":\"...\"}")));
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(session, frame);
            case "unsubscribe" -> unsubscribe(session, frame);
            case "publish" -> publish(session, frame);
            case "typing" -> typing(session, frame);
            case "signal" -> signal(session, frame);
            default -> throw ProtocolException.badRequest("Unknown frame type: " + abbreviate(type));
        }
    }

    private static boolean isKnown(String type) {
        return switch (type) {
            case "subscribe", "unsubscribe", "publish", "typing", "signal" -> true;
            default -> false;
        };
    }

    private boolean anonymousMayUse(InboundFrame frame) {
        if (!config.auth().anonymousTickers()) {
            return false;
        }
        if (!frame.type().equals("subscribe") && !frame.type().equals("unsubscribe")) {
            return false;
        }
        JsonNode channel = frame.body().get("channel");
        return channel != null && channel.isTextual() && channel.asText().startsWith("ticker:");
    }

    private void subscribe(WsSession session, InboundFrame frame) {
        Channel channel = frame.channel();
        Long since = frame.optionalSeq("since");
        JsonNode meta = frame.optionalObject("meta");
        if (meta != null && eventFrames.write(meta).getBytes(StandardCharsets.UTF_8).length > MAX_META_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "meta must be at most " + MAX_META_BYTES + " bytes");
        }
        String name = channel.name();
        // The implicit subscription to the user's own inbox does not count.
        int held = session.subscriptions().size() + session.subscribing().size()
                - (session.subscriptions().contains(Channel.user(session.identity().userId()).name()) ? 1 : 0);
        if (!session.subscriptions().contains(name) && !session.subscribing().containsKey(name)
                && held >= config.limits().maxSubscriptions()) {
            throw ProtocolException.forbidden("At most " + config.limits().maxSubscriptions()
                    + " subscriptions per connection");
        }
        // A newer subscribe (or an unsubscribe) of the same channel supersedes this one: its flow stops quietly.
        Object attempt = new Object();
        session.subscribing().put(name, attempt);
        subscriptions.subscribe(session, channel, since, meta, subscribed -> intro(session, frame.id(), attempt, subscribed))
                .emitOn(session.executor())
                .subscribe().with(subscribed -> {
                    session.subscribing().remove(name, attempt);
                    if (session.isClosing()) {
                        subscriptions.unsubscribe(session, channel);
                    }
                }, failure -> {
                    if (!session.subscribing().remove(name, attempt)) {
                        return;
                    }
                    if (!index.isSubscribed(session.id(), name)) {
                        session.subscriptions().remove(name);
                    }
                    session.send(frames.error(frame.id(), name, ProtocolException.of(failure)));
                });
    }

    /** subscribed, then for rooms the current member list, before any replayed or live event. */
    private Uni<Void> intro(WsSession session, String frameId, Object attempt, Subscribed subscribed) {
        String channel = subscribed.channel().name();
        if (session.subscribing().get(channel) != attempt) {
            return Uni.createFrom().failure(new ProtocolException(ErrorCode.BAD_REQUEST, "superseded"));
        }
        session.subscriptions().add(channel);
        session.send(frames.subscribed(frameId, subscribed));
        if (!subscribed.channel().isRoom()) {
            return Uni.createFrom().voidItem();
        }
        return memberLists.deliver(session, subscribed.channel(), () -> session.subscribing().get(channel) == attempt);
    }

    private void unsubscribe(WsSession session, InboundFrame frame) {
        Channel channel = frame.channel();
        session.subscribing().remove(channel.name());
        subscriptions.unsubscribe(session, channel);
        session.subscriptions().remove(channel.name());
        session.send(frames.ack(frame.id(), channel.name()));
    }

    private void publish(WsSession session, InboundFrame frame) {
        if (!rateAllowed(session, frame, session.limits().publish())) {
            return;
        }
        Channel channel = frame.channel();
        String msgId = frame.requiredText("msgId");
        JsonNode data = frame.requiredObject("data");
        PublishService.validate(channel, msgId, data);
        answer(session, frame, channel.name(), publishes.publish(session.identity(), channel, msgId, data,
                session.publishLane())
                .map(result -> frames.published(frame.id(), channel.name(), result)));
    }

    private void typing(WsSession session, InboundFrame frame) {
        if (!rateAllowed(session, frame, session.limits().typing())) {
            return;
        }
        Channel channel = frame.channel();
        boolean active = frame.requiredBoolean("active");
        answer(session, frame, channel.name(), typing.typing(session.identity(), session.id(), channel, active)
                .map(ignored -> frame.id() == null ? null : frames.ack(frame.id(), channel.name())));
    }

    private void signal(WsSession session, InboundFrame frame) {
        if (!rateAllowed(session, frame, session.limits().signal())) {
            return;
        }
        String to = frame.requiredText("to");
        JsonNode data = frame.requiredObject("data");
        answer(session, frame, null, signals.send(session.identity(), to, data).map(ignored -> frames.ack(frame.id())));
    }

    /** Sends the answer (null: none) or the error, carrying the frame's id. */
    private void answer(WsSession session, InboundFrame frame, String channel, Uni<String> work) {
        work.emitOn(session.executor()).subscribe().with(answer -> {
            if (answer != null) {
                session.send(answer);
            }
        }, failure -> session.send(frames.error(frame.id(), channel, ProtocolException.of(failure))));
    }

    private boolean rateAllowed(WsSession session, InboundFrame frame, ConnectionLimits.Verdict verdict) {
        switch (verdict) {
            case ALLOWED:
                return true;
            case LIMITED:
                session.send(frames.error(frame.id(), new ProtocolException(ErrorCode.RATE_LIMITED,
                        "Too many " + frame.type() + " frames; slow down")));
                return false;
            default:
                session.send(frames.error(frame.id(), new ProtocolException(ErrorCode.RATE_LIMITED,
                        "Sustained rate limit abuse; closing")));
                session.close(CloseCodes.RATE_LIMIT_ABUSE, "rate limit abuse");
                return false;
        }
    }

    private void badFrame(WsSession session, String id, ProtocolException problem) {
        String frameId = id;
        ProtocolException shown = problem;
        if (problem instanceof FrameException withId) {
            frameId = withId.frameId;
            shown = withId.problem;
        }
        session.send(frames.error(frameId, shown));
        if (session.limits().badFrameIsAbuse()) {
            session.close(CloseCodes.POLICY_VIOLATION, "too many invalid frames");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** A bad_request that already knows the frame's id (the id parsed, something after it did not). */
    private static final class FrameException extends ProtocolException {
        private final String frameId;
        private final ProtocolException problem;

        FrameException(String frameId, ProtocolException problem) {
            super(problem.code(), problem.getMessage());
            this.frameId = frameId;
            this.problem = problem;
        }
    }
}
