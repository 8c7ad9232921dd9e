package dev.switchboard.bench.load;

/** Microseconds since this JVM's benchmark epoch: monotonic, positive, and the unit of every latency recorded. */
public final class BenchClock {
    private static final long BASE = System.nanoTime();

    private BenchClock() {
    }

    public static long micros() {
        return (System.nanoTime() - BASE) / 1000;
    }
}
