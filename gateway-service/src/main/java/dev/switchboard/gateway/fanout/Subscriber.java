package dev.switchboard.gateway.fanout;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;

/**
 * Anything that receives channel events: a WebSocket connection, an SSE stream, a long-poll cursor. The fan-out calls
 * it from Kafka consumer threads, so every method must return at once and never block.
 */
public interface Subscriber {

    /** Unique on this replica (the connection id). */
    String id();

    Identity identity();

    /** Queues the event for the client; on overflow the subscriber closes itself (chat is never dropped silently). */
    void deliver(ChannelEvent event);

    /** Completes once the subscriber can queue that many more frames: history replay waits on it page by page. */
    Uni<Void> awaitCapacity(int frames);

    /**
     * Something the client should know about a channel it is subscribed to, e.g. history replay is unavailable
     * (error frame with code and channel on WebSocket).
     */
    void warn(String channel, ProtocolException problem);

    /** The subscriber lost its right to the channel (removed from a private room); it has already been unsubscribed. */
    void revoked(String channel, ProtocolException reason);
}
