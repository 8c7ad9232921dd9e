package dev.switchboard.gateway.fanout;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This replica's in-memory index from channel to the local subscribers, fed by the Kafka consumers: the heart of the
 * fan-out. Delivery never blocks: each subscriber queues and drains on its own.
 */
@ApplicationScoped
public class ChannelIndex {

    private final Map<String, Map<String, Membership>> byChannel = new ConcurrentHashMap<>();
    private final int bufferLimit;
    private volatile Consumer<Membership> gapListener = membership -> {
    };

    public ChannelIndex(GatewayConfig config) {
        this.bufferLimit = config.resume().bufferSize();
    }

    /** Registers (or replaces) the subscriber on the channel; its gate is closed until the subscribe flow opens it. */
    public Membership add(Subscriber subscriber, Channel channel) {
        Membership membership = new Membership(subscriber, channel.name(), channel.isRoom(), bufferLimit);
        byChannel.computeIfAbsent(channel.name(), name -> new ConcurrentHashMap<>()).put(subscriber.id(), membership);
        return membership;
    }

    /** Registers the subscriber with an open gate (channels without history, e.g. the user's own inbox). */
    public Membership addLive(Subscriber subscriber, Channel channel) {
        Membership membership = add(subscriber, channel);
        membership.goLiveUnchecked();
        return membership;
    }

    public boolean remove(String subscriberId, String channel) {
        boolean[] removed = {false};
        byChannel.computeIfPresent(channel, (name, members) -> {
            removed[0] = members.remove(subscriberId) != null;
            return members.isEmpty() ? null : members;
        });
        return removed[0];
    }

    /** Removes exactly this membership, if it is still the registered one. */
    public boolean remove(Membership membership) {
        boolean[] removed = {false};
        byChannel.computeIfPresent(membership.channel(), (name, members) -> {
            removed[0] = members.remove(membership.subscriber().id(), membership);
            return members.isEmpty() ? null : members;
        });
        return removed[0];
    }

    /** Whether this membership is still the registered one (not unsubscribed or replaced meanwhile). */
    public boolean isCurrent(Membership membership) {
        Map<String, Membership> members = byChannel.get(membership.channel());
        return members != null && members.get(membership.subscriber().id()) == membership;
    }

    /** Hands the event to every local subscriber of its channel. */
    public void publish(ChannelEvent event) {
        Map<String, Membership> members = byChannel.get(event.channel());
        if (members == null) {
            return;
        }
        for (Membership membership : members.values()) {
            String userId = membership.subscriber().identity().userId();
            if (event.skipUser() != null && event.skipUser().equals(userId)) {
                continue;
            }
            if (membership.offer(event)) {
                gapListener.accept(membership);
            }
        }
    }

    public Collection<Membership> members(String channel) {
        Map<String, Membership> members = byChannel.get(channel);
        return members == null ? List.of() : List.copyOf(members.values());
    }

    public boolean hasSubscribers(String channel) {
        return byChannel.containsKey(channel);
    }

    public boolean isSubscribed(String subscriberId, String channel) {
        Map<String, Membership> members = byChannel.get(channel);
        return members != null && members.containsKey(subscriberId);
    }

    /** Who repairs a gap seen in a live room stream (the subscription service). */
    public void onGapDetected(Consumer<Membership> listener) {
        this.gapListener = listener;
    }
}
