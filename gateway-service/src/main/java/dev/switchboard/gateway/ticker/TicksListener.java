package dev.switchboard.gateway.ticker;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.enterprise.context.ApplicationScoped;

/** ticker.ticks: keeps the latest value per symbol and fans ticks out to the symbol's local subscribers. */
@ApplicationScoped
public class TicksListener implements TopicListener<Tick> {

    private final LatestTicks latest;
    private final ChannelIndex index;
    private final EventFrames frames;

    public TicksListener(LatestTicks latest, ChannelIndex index, EventFrames frames) {
        this.latest = latest;
        this.index = index;
        this.frames = frames;
    }

    @Override
    public String topic() {
        return Topics.TICKER_TICKS;
    }

    @Override
    public Class<Tick> type() {
        return Tick.class;
    }

    @Override
    public void on(Tick tick) {
        if (!Ids.isValid(tick.symbol())) {
            return;
        }
        latest.offer(tick);
        if (index.hasSubscribers(Channel.ticker(tick.symbol()).name())) {
            index.publish(frames.tick(tick));
        }
    }
}
