package dev.switchboard.gateway.presence;

import java.util.function.BooleanSupplier;

import dev.switchboard.gateway.fanout.Subscriber;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The full member list a subscriber gets right after {@code subscribed} to a room, on every transport. An unreadable
 * list is a warning on the channel, never a failed subscription.
 */
@ApplicationScoped
public class MemberLists {

    private final PresenceServiceClient presence;
    private final EventFrames frames;

    public MemberLists(PresenceServiceClient presence, EventFrames frames) {
        this.presence = presence;
        this.frames = frames;
    }

    /** Delivers the room's member list unless {@code stillWanted} says the subscription was superseded meanwhile. */
    public Uni<Void> deliver(Subscriber subscriber, Channel room, BooleanSupplier stillWanted) {
        String channel = room.name();
        return presence.members(room.id())
                .invoke(snapshot -> {
                    if (stillWanted.getAsBoolean()) {
                        subscriber.deliver(frames.presenceMembers(channel, snapshot.membersOrEmpty(),
                                snapshot.count(), snapshot.sampled()));
                    }
                })
                .onFailure().invoke(failure -> subscriber.warn(channel, ProtocolException.of(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
