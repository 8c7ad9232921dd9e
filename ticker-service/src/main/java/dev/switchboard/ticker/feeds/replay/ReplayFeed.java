package dev.switchboard.ticker.feeds.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import dev.switchboard.ticker.feeds.Feed;
import dev.switchboard.ticker.ticks.TickData;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.inject.Singleton;

/**
 * Replays a recorded CSV at its original pace, or scaled by {@code speed}. Each row is published when its offset
 * from the first row (divided by speed) has elapsed; by default its ts moves to that replay moment, so live charts
 * and candles see the recording as if it happened now.
 */
@Singleton
public class ReplayFeed implements Feed {

    public static final String NAME = "replay";
    private static final Logger LOG = Logger.getLogger(ReplayFeed.class);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ReplayFeedConfig config;
    private volatile boolean running;
    private Thread thread;

    public ReplayFeed(ReplayFeedConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public synchronized void start(TickPublisher publisher) {
        if (running) {
            return;
        }
        Path file = config.file().orElseThrow(() -> new IllegalStateException(
                "switchboard.ticker.feeds.replay.file must name a CSV file when the replay feed is enabled"));
        running = true;
        thread = new Thread(() -> replay(file, publisher), "feed-" + NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    private void replay(Path file, TickPublisher publisher) {
        try {
            do {
                long rows = replayOnce(file, publisher);
                LOG.infof("Replayed %d rows of %s", rows, file);
            } while (running && config.loop());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Replay of %s stopped", file);
        } finally {
            running = false;
        }
    }

    private long replayOnce(Path file, TickPublisher publisher) throws IOException {
        double speed = config.speed();
        long rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvQuotes quotes = new CsvQuotes(reader, file.toString());
            long startNanos = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            long firstTs = Long.MIN_VALUE;
            while (running && quotes.hasNext()) {
                CsvQuotes.Row row = quotes.next();
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = row.ts();
                }
                // Rows out of time order are published at once rather than waited for backwards.
                long offsetNanos = (long) (Math.max(0, row.ts() - firstTs) * 1_000_000 / speed);
                if (!waitUntil(startNanos + offsetNanos)) {
                    break;
                }
                long ts = config.keepTimestamps() ? row.ts() : startMillis + offsetNanos / 1_000_000;
                publisher.publish(row.symbol(), NAME, ts, TickData.of(row.data()));
                rows++;
            }
        }
        return rows;
    }

    private boolean waitUntil(long dueNanos) {
        long wait;
        while (running && (wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
        }
        return running;
    }
}
