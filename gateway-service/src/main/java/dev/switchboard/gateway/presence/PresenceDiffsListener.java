package dev.switchboard.gateway.presence;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.inject.Singleton;

/** presence.diffs: joins and leaves to the room's local subscribers. */
@Singleton
public class PresenceDiffsListener extends FanOutListener<PresenceDiff> {

    private final EventFrames frames;

    public PresenceDiffsListener(ChannelIndex index, EventFrames frames) {
        super(index, Topics.PRESENCE_DIFFS, PresenceDiff.class);
        this.frames = frames;
    }

    @Override
    protected String channelOf(PresenceDiff diff) {
        return diff.channel();
    }

    @Override
    protected ChannelEvent toEvent(PresenceDiff diff) {
        return frames.presenceDiff(diff);
    }
}
