package dev.switchboard.gateway.chat;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.enterprise.context.ApplicationScoped;

/** chat.events: every committed message, edit and delete, to the room's local subscribers. */
@ApplicationScoped
public class ChatEventsListener implements TopicListener<ChatEvent> {

    private final ChannelIndex index;
    private final EventFrames frames;

    public ChatEventsListener(ChannelIndex index, EventFrames frames) {
        this.index = index;
        this.frames = frames;
    }

    @Override
    public String topic() {
        return Topics.CHAT_EVENTS;
    }

    @Override
    public Class<ChatEvent> type() {
        return ChatEvent.class;
    }

    @Override
    public void on(ChatEvent event) {
        if (Ids.isValid(event.roomId()) && event.seq() > 0 && index.hasSubscribers(Channel.room(event.roomId()).name())) {
            index.publish(frames.message(event));
        }
    }
}
