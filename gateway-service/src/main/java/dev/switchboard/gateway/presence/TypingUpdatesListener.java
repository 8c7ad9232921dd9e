package dev.switchboard.gateway.presence;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.inject.Singleton;

/** presence.typing-updates: who is typing, to the room's other local subscribers. */
@Singleton
public class TypingUpdatesListener extends FanOutListener<TypingUpdate> {

    private final EventFrames frames;

    public TypingUpdatesListener(ChannelIndex index, EventFrames frames) {
        super(index, Topics.PRESENCE_TYPING_UPDATES, TypingUpdate.class);
        this.frames = frames;
    }

    @Override
    protected String channelOf(TypingUpdate update) {
        return update.channel();
    }

    @Override
    protected ChannelEvent toEvent(TypingUpdate update) {
        return frames.typing(update);
    }
}
