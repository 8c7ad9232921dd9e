package dev.switchboard.gateway.presence;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.enterprise.context.ApplicationScoped;

/** presence.typing-updates: who is typing, to the room's other local subscribers. */
@ApplicationScoped
public class TypingUpdatesListener implements TopicListener<TypingUpdate> {

    private final ChannelIndex index;
    private final EventFrames frames;

    public TypingUpdatesListener(ChannelIndex index, EventFrames frames) {
        this.index = index;
        this.frames = frames;
    }

    @Override
    public String topic() {
        return Topics.PRESENCE_TYPING_UPDATES;
    }

    @Override
    public Class<TypingUpdate> type() {
        return TypingUpdate.class;
    }

    @Override
    public void on(TypingUpdate update) {
        if (update.channel() != null && index.hasSubscribers(update.channel())) {
            index.publish(frames.typing(update));
        }
    }
}
