package dev.switchboard.ticker.feeds;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import dev.switchboard.ticker.ticks.TickPublisher;

/** A feed that produces rounds of values at a steady rate on its own {@link PacedLoop}. */
public abstract class PacedFeed implements Feed {

    private final String name;
    private final boolean enabled;
    private final double ratePerSecond;
    private final Optional<Long> seed;
    private PacedLoop loop;

    /**
     * @param ratePerSecond rounds per second
     * @param seed          fixes the randomness of every run, for reproducible series
     */
    protected PacedFeed(String name, boolean enabled, double ratePerSecond, Optional<Long> seed) {
        this.name = name;
        this.enabled = enabled;
        this.ratePerSecond = ratePerSecond;
        this.seed = seed;
    }

    /** Sets up a fresh run (state, randomness) and returns what one round does, given its wall-clock millis. */
    protected abstract LongConsumer prepare(TickPublisher publisher);

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    protected double ratePerSecond() {
        return ratePerSecond;
    }

    /** A generator for one run; used by the loop thread only. */
    protected SplittableRandom random() {
        return seed.map(SplittableRandom::new).orElseGet(SplittableRandom::new);
    }

    @Override
    public synchronized void start(TickPublisher publisher) {
        if (running()) {
            return;
        }
        loop = new PacedLoop(name, ratePerSecond, prepare(publisher));
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Override
    public boolean running() {
        PacedLoop current = loop;
        return current != null && current.running();
    }
}
