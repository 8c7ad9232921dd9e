package dev.switchboard.gateway.fanout;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Fan-out for channels whose events conflate (ticks): the record's reader only parks the newest event of the channel
 * and returns; the fan-out to every local subscriber runs on the executor, one channel at a time, with whichever
 * event is newest when it gets there. A symbol ticking faster than this replica can hand ticks to its 1,000
 * subscribers then skips ticks here, once, instead of each tick costing one offer per subscriber on the Kafka
 * consumer's thread, which fell behind and delivered every tick seconds late. The event is built (serialized) only
 * when it is fanned out.
 */
public final class LatestOnlyFanOut {

    private static final Logger LOG = Logger.getLogger(LatestOnlyFanOut.class);

    private final ConcurrentHashMap<String, Supplier<ChannelEvent>> newest = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Consumer<ChannelEvent> fanOut;

    public LatestOnlyFanOut(Executor executor, Consumer<ChannelEvent> fanOut) {
        this.executor = executor;
        this.fanOut = fanOut;
    }

    /** Parks the channel's newest event; schedules its fan-out unless one is already waiting for this channel. */
    public void offer(String channel, Supplier<ChannelEvent> event) {
        if (newest.put(channel, event) == null) {
            executor.execute(() -> fanOutNewest(channel));
        }
    }

    private void fanOutNewest(String channel) {
        Supplier<ChannelEvent> event = newest.remove(channel);
        if (event == null) {
            return;
        }
        try {
            fanOut.accept(event.get());
        } catch (RuntimeException e) {
            // One bad event must not cost the executor its thread; the channel's next event goes out as usual.
            LOG.warnf("Fan-out of the newest event of %s failed: %s", channel, e.toString());
        }
    }
}
