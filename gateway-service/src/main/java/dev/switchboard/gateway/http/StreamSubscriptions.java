package dev.switchboard.gateway.http;

import java.util.Collection;
import java.util.List;

import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.presence.MemberLists;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.subscription.SubscriptionService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Subscribes an SSE stream or a long-poll session to its channels through the same {@link SubscriptionService} as a
 * WebSocket subscribe (authorization, presence JOIN, exact resume of rooms from durable history, latest tick), with
 * the same introduction: {@code subscribed}, then for a room the full presence member list, then replay and live.
 */
@ApplicationScoped
public class StreamSubscriptions {

    private final SubscriptionService subscriptions;
    private final MemberLists memberLists;

    public StreamSubscriptions(SubscriptionService subscriptions, MemberLists memberLists) {
        this.subscriptions = subscriptions;
        this.memberLists = memberLists;
    }

    /**
     * Subscribes the channels one after the other, rooms from their position in {@code from} (null: live from now).
     * A channel that fails is reported to the subscriber (an error event) and the others go on.
     */
    public Uni<Void> subscribeAll(StreamSubscriber subscriber, List<Channel> channels, StreamCursor from) {
        return Multi.createFrom().iterable(channels)
                .onItem().transformToUniAndConcatenate(channel -> subscribe(subscriber, channel,
                        from == null ? null : from.since(channel)))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> subscribe(StreamSubscriber subscriber, Channel channel, Long since) {
        return subscriptions.subscribe(subscriber, channel, since, null, subscribed -> intro(subscriber, subscribed, since))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    subscriber.dropped(channel.name());
                    subscriber.warn(channel.name(), ProtocolException.of(failure));
                    return null;
                });
    }

    private Uni<Void> intro(StreamSubscriber subscriber, Subscribed subscribed, Long since) {
        subscriber.subscribed(subscribed, StreamSubscriber.positionOf(subscribed, since));
        if (!subscribed.channel().isRoom()) {
            return Uni.createFrom().voidItem();
        }
        return memberLists.deliver(subscriber, subscribed.channel(), () -> true);
    }

    /** Ends every subscription of a closed stream (presence LEAVE for rooms). */
    public void unsubscribeAll(StreamSubscriber subscriber, Collection<String> channels) {
        for (String channel : List.copyOf(channels)) {
            subscriptions.unsubscribe(subscriber, Channel.parse(channel));
        }
    }
}
