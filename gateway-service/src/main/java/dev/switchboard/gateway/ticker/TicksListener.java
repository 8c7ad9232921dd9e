package dev.switchboard.gateway.ticker;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.inject.Singleton;

/** ticker.ticks: keeps the latest value per symbol and fans ticks out to the symbol's local subscribers. */
@Singleton
public class TicksListener extends FanOutListener<Tick> {

    private final LatestTicks latest;
    private final EventFrames frames;

    public TicksListener(LatestTicks latest, ChannelIndex index, EventFrames frames) {
        super(index, Topics.TICKER_TICKS, Tick.class);
        this.latest = latest;
        this.frames = frames;
    }

    @Override
    public void on(Tick tick) {
        if (Ids.isValid(tick.symbol())) {
            latest.offer(tick);
            super.on(tick);
        }
    }

    @Override
    protected String channelOf(Tick tick) {
        return Channel.ticker(tick.symbol()).name();
    }

    @Override
    protected ChannelEvent toEvent(Tick tick) {
        return frames.tick(tick);
    }
}
