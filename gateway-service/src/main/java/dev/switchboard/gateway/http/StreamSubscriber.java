package dev.switchboard.gateway.http;

import dev.switchboard.gateway.fanout.GatewayConnection;
import dev.switchboard.gateway.fanout.Subscribed;

/** An SSE stream or a long-poll session: a connection that also hears how each of its subscribes turned out. */
public interface StreamSubscriber extends GatewayConnection {

    /**
     * The channel is subscribed; what follows is its replay (if resuming) and then live events.
     *
     * @param position the room seq the client now holds: the resume point when recovered, else the room's latest
     */
    void subscribed(Subscribed subscribed, long position);

    /** Forgets the channel (it was refused or revoked). */
    void dropped(String channel);

    /** Position of a subscribe: where the client stands once {@code subscribed} is delivered. */
    static long positionOf(Subscribed subscribed, Long since) {
        return since != null && subscribed.recovered() ? since : subscribed.seq();
    }
}
