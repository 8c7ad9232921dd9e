package dev.switchboard.gateway.fanout;

import dev.switchboard.gateway.messaging.TopicListener;

/**
 * A topic whose records become one channel event each, for the channel's local subscribers. The frame is built only
 * when someone on this replica listens.
 */
public abstract class FanOutListener<T> implements TopicListener<T> {

    private final ChannelIndex index;
    private final String topic;
    private final Class<T> type;

    protected FanOutListener(ChannelIndex index, String topic, Class<T> type) {
        this.index = index;
        this.topic = topic;
        this.type = type;
    }

    /** The channel name the record is for, or null to skip an invalid record. */
    protected abstract String channelOf(T record);

    protected abstract ChannelEvent toEvent(T record);

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final Class<T> type() {
        return type;
    }

    @Override
    public void on(T record) {
        String channel = channelOf(record);
        if (channel != null && index.hasSubscribers(channel)) {
            fanOut(channel, record);
        }
    }

    /** Hands the record's event to the channel's local subscribers, at once; a conflating topic may defer it. */
    protected void fanOut(String channel, T record) {
        index.publish(toEvent(record));
    }
}
