package dev.switchboard.ticker.feeds;

import dev.switchboard.ticker.ticks.TickPublisher;

/**
 * A source of live values. Each feed is a small bean configured under switchboard.ticker.feeds.{name}; the
 * {@link FeedManager} starts the enabled ones once every symbol's seq has been recovered, and stops them on shutdown.
 */
public interface Feed {

    /** The feed name, also written into every tick it produces. */
    String name();

    boolean enabled();

    void start(TickPublisher publisher);

    /** Stops producing; returns once no tick of this feed is in flight. Idempotent. */
    void stop();

    boolean running();
}
