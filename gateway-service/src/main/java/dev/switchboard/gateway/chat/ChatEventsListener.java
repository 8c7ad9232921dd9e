package dev.switchboard.gateway.chat;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.inject.Singleton;

/** chat.events: every committed message, edit and delete, to the room's local subscribers. */
@Singleton
public class ChatEventsListener extends FanOutListener<ChatEvent> {

    private final EventFrames frames;

    public ChatEventsListener(ChannelIndex index, EventFrames frames) {
        super(index, Topics.CHAT_EVENTS, ChatEvent.class);
        this.frames = frames;
    }

    @Override
    protected String channelOf(ChatEvent event) {
        return Ids.isValid(event.roomId()) && event.seq() > 0 ? Channel.room(event.roomId()).name() : null;
    }

    @Override
    protected ChannelEvent toEvent(ChatEvent event) {
        return frames.message(event);
    }
}
