package dev.switchboard.gateway.sse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.OutboundQueue;
import dev.switchboard.gateway.fanout.OutboundSink;
import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.http.StreamCursor;
import dev.switchboard.gateway.http.StreamSubscriber;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.ws.WsFrames;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open text/event-stream. Events go through the same bounded {@link OutboundQueue} as a WebSocket's (ticks
 * conflate, anything else beyond the bound ends the stream), so a slow reader never delays anyone else; it resumes
 * with Last-Event-ID. Only events that move the cursor (room events, subscribed) carry an {@code id:}, built from the
 * position of every room at that point of the stream, in queue order: a conflated tick can never carry a position
 * ahead of what was written before it.
 */
final class SseStream implements StreamSubscriber, OutboundSink {

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final String id = "sse-" + UUID.randomUUID();
    private final Identity identity;
    private final HttpServerResponse response;
    private final Executor executor;
    private final OutboundQueue queue;
    private final WsFrames frames;
    private final Map<String, Long> positions = new HashMap<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Runnable onClose = () -> {
    };

    SseStream(Identity identity, HttpServerResponse response, Executor executor, WsFrames frames, StreamCursor from,
            int queueSize, int writeWindow) {
        this.identity = identity;
        this.response = response;
        this.executor = executor;
        this.frames = frames;
        this.queue = new OutboundQueue(this, executor, queueSize, writeWindow);
        if (from != null) {
            positions.putAll(from.positions());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public void deliver(ChannelEvent event) {
        synchronized (this) {
            boolean moves = event.sequenced() && event.channel().startsWith("room:");
            if (moves) {
                positions.merge(event.channel(), event.seq(), Math::max);
            }
            queue.offer(new ChannelEvent(event.channel(), event.seq(), event.conflatable(), event.skipUser(),
                    event.frame(), SseFormat.event(moves ? cursor() : null, event.json())));
        }
    }

    @Override
    public void subscribed(Subscribed subscribed, long position) {
        channels.add(subscribed.channel().name());
        synchronized (this) {
            if (subscribed.channel().isRoom()) {
                positions.put(subscribed.channel().name(), position);
            }
            queue.offer(SseFormat.event(cursor(), frames.subscribed(null, subscribed)));
        }
    }

    @Override
    public void dropped(String channel) {
        channels.remove(channel);
    }

    @Override
    public Uni<Void> awaitCapacity(int count) {
        return queue.awaitCapacity(count);
    }

    @Override
    public void warn(String channel, ProtocolException problem) {
        queue.offer(SseFormat.event(null, frames.error(null, channel, problem)));
    }

    @Override
    public void revoked(String channel, ProtocolException reason) {
        channels.remove(channel);
        warn(channel, reason);
    }

    /** Tells the client to come back after afterMs (retry:, then a reconnect event), flushes and ends the stream. */
    @Override
    public Uni<Void> drain(String reason, long afterMs) {
        queue.offer(SseFormat.retry(afterMs) + SseFormat.event(null, frames.reconnect(reason, afterMs)));
        return queue.flushed().ifNoItem().after(FLUSH_TIMEOUT).recoverWithItem((Void) null)
                .invoke(() -> executor.execute(this::close));
    }

    // --- OutboundSink

    @Override
    public Future<Void> write(String text) {
        if (closed || response.closed() || response.ended()) {
            return Future.failedFuture(ProtocolException.unavailable("The stream is closed"));
        }
        return response.write(text);
    }

    /**
     * The reader does not keep up: end the stream and drop the connection (with what the kernel still buffers for it);
     * EventSource reconnects with Last-Event-ID and resumes exactly.
     */
    @Override
    public void overflowed() {
        executor.execute(() -> {
            close();
            response.close();
        });
    }

    // --- used by the endpoint

    void send(String raw) {
        queue.offer(raw);
    }

    /** A comment line, skipped when the stream is busy anyway. */
    void heartbeat() {
        if (queue.size() == 0) {
            queue.offer(SseFormat.COMMENT);
        }
    }

    /** An error event, then the end of the stream (e.g. the token expired). */
    void fail(ProtocolException problem) {
        queue.offer(SseFormat.event(null, frames.error(null, null, problem)));
        queue.flushed().ifNoItem().after(FLUSH_TIMEOUT).recoverWithItem((Void) null)
                .subscribe().with(ignored -> executor.execute(this::close));
    }

    void onClose(Runnable cleanup) {
        this.onClose = cleanup;
    }

    boolean isClosed() {
        return closed;
    }

    Set<String> channels() {
        return channels;
    }

    /** Ends the response (if the client is still there) and releases everything; runs once, on the stream's context. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        if (!response.ended() && !response.closed()) {
            response.end();
        }
        onClose.run();
    }

    private String cursor() {
        return StreamCursor.of(positions).encode();
    }
}
