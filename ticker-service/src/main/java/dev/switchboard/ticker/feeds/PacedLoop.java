package dev.switchboard.ticker.feeds;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.jboss.logging.Logger;

/**
 * Runs rounds at a steady rate on one thread of its own. The number of rounds due is derived from the elapsed time,
 * not from sleep lengths, so the rate holds at thousands of rounds a second; a loop that falls behind (Kafka
 * back-pressure, GC) catches up by at most one second's worth of rounds, then drops the rest instead of bursting.
 */
public final class PacedLoop {

    private static final Logger LOG = Logger.getLogger(PacedLoop.class);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String name;
    private final double roundsPerSecond;
    private final LongConsumer round;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round called with the wall-clock millis of each round
     */
    public PacedLoop(String name, double roundsPerSecond, LongConsumer round) {
        if (!(roundsPerSecond > 0) || Double.isInfinite(roundsPerSecond)) {
            throw new IllegalArgumentException("A paced loop needs a positive finite rate, got " + roundsPerSecond);
        }
        this.name = name;
        this.roundsPerSecond = roundsPerSecond;
        this.round = round;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "feed-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return running;
    }

    private void run() {
        double nanosPerRound = 1e9 / roundsPerSecond;
        long maxBacklog = Math.max(1, (long) Math.ceil(roundsPerSecond));
        long start = System.nanoTime();
        long done = 0;
        while (running) {
            long now = System.nanoTime();
            long due = (long) ((now - start) / nanosPerRound) + 1;
            if (due - done > maxBacklog) {
                done = due - maxBacklog;
            }
            try {
                long wallClock = System.currentTimeMillis();
                while (done < due && running) {
                    round.accept(wallClock);
                    done++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Feed %s failed a round; it keeps running", name);
            }
            long next = start + (long) (done * nanosPerRound);
            long park = Math.min(next - System.nanoTime(), MAX_PARK_NANOS);
            if (park > 0) {
                LockSupport.parkNanos(this, park);
            }
        }
    }
}
