package dev.switchboard.gateway.fanout;

import java.util.List;

import io.vertx.core.Future;

/** Where an {@link OutboundQueue} writes: one client socket or stream. */
public interface OutboundSink {

    /**
     * Writes one frame; the future completes when the transport has written it (its back-pressure signal). A plain
     * Vert.x future, not a Uni: this runs once per delivered frame, and a Uni adds a subscription and captured context.
     */
    Future<Void> write(String text);

    /**
     * Writes these frames in order; the future completes when the last one has been written. A sink that can should
     * push them to the socket together: a subscriber that fell behind by n frames then costs one system call, not n.
     */
    default Future<Void> write(List<String> texts) {
        Future<Void> last = null;
        for (String text : texts) {
            last = write(text);
        }
        return last;
    }

    /** The client does not keep up and the queue is full: close the transport, telling the client why. */
    void overflowed();
}
