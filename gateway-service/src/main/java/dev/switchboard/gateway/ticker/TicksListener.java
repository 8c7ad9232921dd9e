package dev.switchboard.gateway.ticker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.fanout.LatestOnlyFanOut;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * ticker.ticks: keeps the latest value per symbol and fans ticks out to the symbol's local subscribers, newest only
 * ({@link LatestOnlyFanOut}, on a thread of its own).
 */
@Singleton
public class TicksListener extends FanOutListener<Tick> {

    private final LatestTicks latest;
    private final EventFrames frames;
    private final ExecutorService fanOutThread;
    private final LatestOnlyFanOut fanOut;

    public TicksListener(LatestTicks latest, ChannelIndex index, EventFrames frames) {
        super(index, Topics.TICKER_TICKS, Tick.class);
        this.latest = latest;
        this.frames = frames;
        this.fanOutThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "tick-fan-out");
            thread.setDaemon(true);
            return thread;
        });
        this.fanOut = new LatestOnlyFanOut(fanOutThread, index::publish);
    }

    @Override
    public void on(Tick tick) {
        if (Ids.isValid(tick.symbol())) {
            latest.offer(tick);
            super.on(tick);
        }
    }

    /** Newest only: the consumer thread parks the tick; the fan-out thread builds and hands out whichever is newest. */
    @Override
    protected void fanOut(String channel, Tick tick) {
        fanOut.offer(channel, () -> toEvent(tick));
    }

    @Override
    protected String channelOf(Tick tick) {
        return Channel.ticker(tick.symbol()).name();
    }

    @Override
    protected ChannelEvent toEvent(Tick tick) {
        return frames.tick(tick);
    }

    @PreDestroy
    void stop() {
        fanOutThread.shutdownNow();
    }
}
