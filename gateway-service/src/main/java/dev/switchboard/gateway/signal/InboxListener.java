package dev.switchboard.gateway.signal;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.inbox.InboxEvent;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.FanOutListener;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import jakarta.inject.Singleton;

/** user.inbox: signals and notifications to the target user's local connections (their user:{id} channel). */
@Singleton
public class InboxListener extends FanOutListener<InboxEvent> {

    private final EventFrames frames;

    public InboxListener(ChannelIndex index, EventFrames frames) {
        super(index, Topics.USER_INBOX, InboxEvent.class);
        this.frames = frames;
    }

    @Override
    protected String channelOf(InboxEvent event) {
        return Ids.isValid(event.to()) && event.kind() != null ? Channel.user(event.to()).name() : null;
    }

    @Override
    protected ChannelEvent toEvent(InboxEvent event) {
        return frames.inbox(event);
    }
}
