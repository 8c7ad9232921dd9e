package dev.switchboard.gateway.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back the drain turns that the calling thread's fan-out schedules, until it closes. The Kafka consumer fans
 * out one poll's records under a hold, so each connection's queue receives all of that poll's frames before its drain
 * runs, and writes them with one flush: one system call (and one TCP segment over loopback or a LAN) per connection
 * and poll, instead of one per frame. A poll of one record is released at once, so an idle gateway adds no delay;
 * a busy one polls larger batches and batches its writes more.
 */
public final class HeldDrains implements AutoCloseable {

    private static final ThreadLocal<HeldDrains> CURRENT = new ThreadLocal<>();
    private static final HeldDrains NESTED = new HeldDrains();

    private final List<DrainLoop> held = new ArrayList<>(4);

    private HeldDrains() {
    }

    /** Starts holding on this thread; a hold inside a hold is part of the outer one. */
    public static HeldDrains hold() {
        if (CURRENT.get() != null) {
            return NESTED;
        }
        HeldDrains drains = new HeldDrains();
        CURRENT.set(drains);
        return drains;
    }

    /** The calling thread's hold, or null. */
    static HeldDrains current() {
        return CURRENT.get();
    }

    void defer(DrainLoop loop) {
        // A handful of event loops: a list scan beats a set.
        if (!held.contains(loop)) {
            held.add(loop);
        }
    }

    /** Schedules the turns held so far and goes on holding. */
    public void release() {
        for (DrainLoop loop : held) {
            loop.schedule();
        }
        held.clear();
    }

    /** Releases the held turns and stops holding. */
    @Override
    public void close() {
        if (this == NESTED) {
            return;
        }
        CURRENT.remove();
        release();
    }
}
