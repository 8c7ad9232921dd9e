package dev.switchboard.gateway.presence;

import java.util.function.BooleanSupplier;

import dev.switchboard.gateway.backend.SingleFlight;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.Subscriber;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The full member list a subscriber gets right after {@code subscribed} to a room, on every transport. An unreadable
 * list is a warning on the channel, never a failed subscription. Subscribers arriving together share one read and one
 * serialized frame: a thousand clients joining a thousand-member room would otherwise serialize a million entries.
 */
@ApplicationScoped
public class MemberLists {

    private final PresenceServiceClient presence;
    private final EventFrames frames;
    private final SingleFlight<String, ChannelEvent> lists = new SingleFlight<>();

    public MemberLists(PresenceServiceClient presence, EventFrames frames) {
        this.presence = presence;
        this.frames = frames;
    }

    /** Delivers the room's member list unless {@code stillWanted} says the subscription was superseded meanwhile. */
    public Uni<Void> deliver(Subscriber subscriber, Channel room, BooleanSupplier stillWanted) {
        String channel = room.name();
        return lists.call(channel, () -> presence.members(room.id()).map(snapshot -> frames.presenceMembers(channel,
                        snapshot.membersOrEmpty(), snapshot.count(), snapshot.sampled())))
                .invoke(list -> {
                    if (stillWanted.getAsBoolean()) {
                        subscriber.deliver(list);
                    }
                })
                .onFailure().invoke(failure -> subscriber.warn(channel, ProtocolException.of(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
