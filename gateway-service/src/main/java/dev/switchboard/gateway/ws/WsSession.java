package dev.switchboard.gateway.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.chat.PublishLane;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.GatewayConnection;
import dev.switchboard.gateway.fanout.OutboundQueue;
import dev.switchboard.gateway.fanout.OutboundSink;
import dev.switchboard.gateway.limits.ConnectionLimits;
import dev.switchboard.gateway.protocol.CloseCodes;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One WebSocket client: its authentication state, subscriptions, limits and bounded outbound queue. State changes
 * happen on the connection's event loop ({@link #executor()}); the fan-out only touches the queue.
 */
final class WsSession implements GatewayConnection, OutboundSink {

    enum AuthState {
        /** No token yet; closed with 4401 at the auth timeout (unless anonymous ticker access is on). */
        AWAITING,
        /** A token is being verified; frames wait for the outcome. */
        VERIFYING,
        AUTHENTICATED
    }

    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private static final Buffer PING = Buffer.buffer();

    private final String id = UUID.randomUUID().toString();
    private final ServerWebSocket socket;
    /** The socket's Netty channel context, to write pre-encoded frames through; null: write through Vert.x. */
    private final ChannelHandlerContext wire;
    /**
     * Netty removes the HTTP codec only once the 101 response is written, and a pre-encoded frame meeting the HTTP
     * encoder fails. Writes complete in order, so once a frame written through Vert.x is confirmed, the codec is gone.
     */
    private volatile boolean handshakeDone;
    private final Executor executor;
    private final OutboundQueue queue;
    private final ConnectionLimits limits;
    private final WsFrames frames;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> subscribing = new ConcurrentHashMap<>();
    private final List<String> heldFrames = new ArrayList<>();
    private final PublishLane publishLane = new PublishLane();
    private volatile Identity identity = Identity.anonymous();
    private volatile AuthState state = AuthState.AWAITING;
    private volatile boolean closing;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile long lastActivityNanos = System.nanoTime();
    private boolean userSlotClaimed;
    private volatile Runnable onClosing = () -> {
    };
    private long authTimer = -1;

    WsSession(ServerWebSocket socket, ChannelHandlerContext wire, Executor executor, ConnectionLimits limits,
            WsFrames frames, int queueSize, int writeWindow) {
        this.socket = socket;
        this.wire = wire;
        this.executor = executor;
        this.limits = limits;
        this.frames = frames;
        this.queue = new OutboundQueue(this, executor, queueSize, writeWindow);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /** This connection's publishes reach Kafka in the order the client sent them. */
    public PublishLane publishLane() {
        return publishLane;
    }

    @Override
    public void deliver(ChannelEvent event) {
        queue.offer(event);
    }

    @Override
    public Uni<Void> awaitCapacity(int frames) {
        return queue.awaitCapacity(frames);
    }

    @Override
    public void warn(String channel, ProtocolException problem) {
        send(frames.error(null, channel, problem));
    }

    @Override
    public void revoked(String channel, ProtocolException reason) {
        subscriptions.remove(channel);
        send(frames.error(null, channel, reason));
    }

    @Override
    public Uni<Void> drain(String reason, long afterMs) {
        send(frames.reconnect(reason, afterMs));
        return closeAfterFlush(CloseCodes.GOING_AWAY, reason);
    }

    // --- OutboundSink: the queue writes through the socket

    @Override
    public Future<Void> write(String text) {
        return write(List.of(text));
    }

    /** One flush, so one system call, for the whole batch; a single listener, on the last frame. */
    @Override
    public Future<Void> write(List<String> texts) {
        if (wire == null || !handshakeDone) {
            return writeThroughVertx(texts);
        }
        if (socket.isClosed()) {
            return Future.failedFuture(ProtocolException.unavailable("The connection is closed"));
        }
        int last = texts.size() - 1;
        for (int i = 0; i < last; i++) {
            // Not a void promise: that would fire each failure down the pipeline; the last frame's reports it.
            wire.write(TextFrames.frame(texts.get(i)));
        }
        Promise<Void> written = Promise.promise();
        wire.writeAndFlush(TextFrames.frame(texts.get(last))).addListener(result -> {
            if (result.isSuccess()) {
                written.complete();
            } else {
                written.fail(result.cause());
            }
        });
        return written.future();
    }

    private Future<Void> writeThroughVertx(List<String> texts) {
        Future<Void> written = null;
        for (String text : texts) {
            written = socket.writeTextMessage(text);
        }
        if (wire != null) {
            written.onSuccess(ignored -> handshakeDone = true);
        }
        return written;
    }

    @Override
    public void overflowed() {
        executor.execute(() -> closeNow(CloseCodes.POLICY_VIOLATION,
                "slow consumer: outbound queue full; reconnect and resume with since"));
    }

    // --- used by the protocol handler

    void send(String frame) {
        queue.offer(frame);
    }

    /** Queued frames are written first, then the socket closes with that code. */
    Uni<Void> closeAfterFlush(int code, String reason) {
        if (closing) {
            return Uni.createFrom().voidItem();
        }
        closing = true;
        onClosing.run();
        return queue.flushed().ifNoItem().after(CLOSE_FLUSH_TIMEOUT).recoverWithItem((Void) null)
                .chain(() -> Uni.createFrom().completionStage(() -> closeSocket(code, reason).toCompletionStage()))
                .onFailure().recoverWithNull();
    }

    void close(int code, String reason) {
        closeAfterFlush(code, reason).subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    /** Closes at once, dropping whatever is queued. */
    void closeNow(int code, String reason) {
        boolean first = !closing;
        closing = true;
        queue.close();
        if (first) {
            onClosing.run();
        }
        closeSocket(code, reason);
    }

    private Future<Void> closeSocket(int code, String reason) {
        return socket.isClosed() ? Future.succeededFuture() : socket.close((short) code, reason);
    }

    /** A keep-alive ping; the client's pong (or any frame) counts as activity. */
    void ping() {
        if (!isClosing()) {
            socket.writePing(PING);
        }
    }

    /** Runs once when the server starts closing this socket (the protocol arms a hard-close timer). */
    void onClosing(Runnable action) {
        this.onClosing = action;
    }

    /** True the first time only: the connection's resources are released once. */
    boolean markReleased() {
        return released.compareAndSet(false, true);
    }

    boolean isClosing() {
        return closing || socket.isClosed();
    }

    void disposeQueue() {
        queue.close();
    }

    Executor executor() {
        return executor;
    }

    ConnectionLimits limits() {
        return limits;
    }

    AuthState state() {
        return state;
    }

    void state(AuthState state) {
        this.state = state;
    }

    /** Authenticated (again, on a token refresh): the identity's expiry is now the connection's. */
    void authenticated(Identity identity) {
        this.identity = identity;
        this.state = AuthState.AUTHENTICATED;
    }

    /** A sweep checks this instead of a timer per connection: see {@link IdleSweeper}. */
    boolean tokenExpired(long nowMs) {
        return state == AuthState.AUTHENTICATED && identity.expiresAtMs() <= nowMs;
    }

    Set<String> subscriptions() {
        return subscriptions;
    }

    Map<String, Object> subscribing() {
        return subscribing;
    }

    List<String> heldFrames() {
        return heldFrames;
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    boolean userSlotClaimed() {
        return userSlotClaimed;
    }

    void userSlotClaimed(boolean claimed) {
        this.userSlotClaimed = claimed;
    }

    long authTimer() {
        return authTimer;
    }

    void authTimer(long id) {
        this.authTimer = id;
    }

    boolean isSocketClosed() {
        return socket.isClosed();
    }
}
