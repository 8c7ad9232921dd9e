package dev.switchboard.gateway.messaging;

/**
 * A feature's handler of one consumed topic. The {@link GatewayEventsConsumer} parses each record into
 * {@link #type()} and calls {@link #on} on the consumer's thread: it must not block.
 */
public interface TopicListener<T> {

    String topic();

    Class<T> type();

    void on(T event);
}
