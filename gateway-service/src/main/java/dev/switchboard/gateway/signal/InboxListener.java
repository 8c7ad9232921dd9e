package dev.switchboard.gateway.signal;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.inbox.InboxEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.enterprise.context.ApplicationScoped;

/** user.inbox: signals and notifications to the target user's local connections (their user:{id} channel). */
@ApplicationScoped
public class InboxListener implements TopicListener<InboxEvent> {

    private final ChannelIndex index;
    private final EventFrames frames;

    public InboxListener(ChannelIndex index, EventFrames frames) {
        this.index = index;
        this.frames = frames;
    }

    @Override
    public String topic() {
        return Topics.USER_INBOX;
    }

    @Override
    public Class<InboxEvent> type() {
        return InboxEvent.class;
    }

    @Override
    public void on(InboxEvent event) {
        if (Ids.isValid(event.to()) && event.kind() != null && index.hasSubscribers(Channel.user(event.to()).name())) {
            index.publish(frames.inbox(event));
        }
    }
}
