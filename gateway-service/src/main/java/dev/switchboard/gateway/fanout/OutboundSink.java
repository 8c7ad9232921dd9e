package dev.switchboard.gateway.fanout;

import io.vertx.core.Future;

/** Where an {@link OutboundQueue} writes: one client socket or stream. */
public interface OutboundSink {

    /**
     * Writes one frame; the future completes when the transport has written it (its back-pressure signal). A plain
     * Vert.x future, not a Uni: this runs once per delivered frame, and a Uni adds a subscription and captured context.
     */
    Future<Void> write(String text);

    /** The client does not keep up and the queue is full: close the transport, telling the client why. */
    void overflowed();
}
