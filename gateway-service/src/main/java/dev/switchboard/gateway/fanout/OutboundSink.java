package dev.switchboard.gateway.fanout;

import io.smallrye.mutiny.Uni;

/** Where an {@link OutboundQueue} writes: one client socket or stream. */
public interface OutboundSink {

    /** Writes one frame; the Uni completes when the transport has written it (its back-pressure signal). */
    Uni<Void> write(String text);

    /** The client does not keep up and the queue is full: close the transport, telling the client why. */
    void overflowed();
}
