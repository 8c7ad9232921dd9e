package dev.switchboard.ticker.feeds;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.switchboard.ticker.ticks.TickPublisher;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts the enabled feeds at startup (after seq recovery, which building the publisher does) and stops them first on shutdown. */
@ApplicationScoped
public class FeedManager {

    private static final Logger LOG = Logger.getLogger(FeedManager.class);

    private final List<Feed> feeds;
    private final TickPublisher publisher;

    public FeedManager(@All List<Feed> feeds, TickPublisher publisher) {
        this.feeds = feeds;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        for (Feed feed : feeds) {
            if (feed.enabled()) {
                feed.start(publisher);
                LOG.infof("Feed %s started", feed.name());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        feeds.forEach(Feed::stop);
        publisher.flush();
    }

    public Optional<Feed> feed(String name) {
        return feeds.stream().filter(feed -> feed.name().equals(name)).findFirst();
    }

    public List<Feed> feeds() {
        return feeds;
    }
}
