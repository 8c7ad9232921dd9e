package dev.switchboard.gateway.presence;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.enterprise.context.ApplicationScoped;

/** presence.diffs: joins and leaves to the room's local subscribers. */
@ApplicationScoped
public class PresenceDiffsListener implements TopicListener<PresenceDiff> {

    private final ChannelIndex index;
    private final EventFrames frames;

    public PresenceDiffsListener(ChannelIndex index, EventFrames frames) {
        this.index = index;
        this.frames = frames;
    }

    @Override
    public String topic() {
        return Topics.PRESENCE_DIFFS;
    }

    @Override
    public Class<PresenceDiff> type() {
        return PresenceDiff.class;
    }

    @Override
    public void on(PresenceDiff diff) {
        if (diff.channel() != null && index.hasSubscribers(diff.channel())) {
            index.publish(frames.presenceDiff(diff));
        }
    }
}
