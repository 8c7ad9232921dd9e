package dev.switchboard.gateway.auth;

import dev.switchboard.gateway.chat.ChatServiceClient;
import dev.switchboard.gateway.backend.SingleFlight;
import dev.switchboard.gateway.chat.RoomAccess;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that decides who may use a channel, for every transport. Rooms: public to any authenticated user,
 * private to members, from chat-service's /access (cached, see {@link RoomAccessCache}); a room that does not exist
 * yet counts as public. The room's own answer (exists, visibility) is read first and shared by all its users, so a
 * thousand users joining a public room cost chat-service one read, not a thousand; only private rooms need the
 * user's membership. Concurrent reads of the same answer share one request. user:{id}: its owner only. Tickers: anyone authenticated (anonymous too if configured) may
 * subscribe; only tokens with the publisher role may publish, and never over WebSocket.
 */
@ApplicationScoped
public class ChannelAuthorizer {

    /** The user of a room-level read: whether the room exists and its visibility, the same for everyone. */
    private static final String ROOM_ITSELF = null;

    private final ChatServiceClient chat;
    private final RoomAccessCache cache;
    private final SingleFlight<AccessRead, RoomAccess> reads = new SingleFlight<>();
    private final boolean anonymousTickers;

    public ChannelAuthorizer(ChatServiceClient chat, GatewayConfig config) {
        this.chat = chat;
        this.cache = new RoomAccessCache(config.accessCache().ttl().toMillis(), config.accessCache().maxEntries(),
                System::currentTimeMillis);
        this.anonymousTickers = config.auth().anonymousTickers();
    }

    /** Fails with unauthorized, forbidden or unavailable unless the identity may subscribe to the channel. */
    public Uni<Void> authorizeSubscribe(Identity who, Channel channel) {
        if (who.isAnonymous()) {
            if (channel.kind() == Channel.Kind.TICKER && anonymousTickers) {
                return Uni.createFrom().voidItem();
            }
            return failed(new ProtocolException(ErrorCode.UNAUTHORIZED, "Authenticate first"));
        }
        return switch (channel.kind()) {
            case TICKER -> Uni.createFrom().voidItem();
            case USER -> ownInbox(who, channel);
            case ROOM -> roomMember(who, channel);
        };
    }

    /** Fails unless the identity may publish to the channel (rooms; tickers with the publisher role). */
    public Uni<Void> authorizePublish(Identity who, Channel channel) {
        if (who.isAnonymous()) {
            return failed(new ProtocolException(ErrorCode.UNAUTHORIZED, "Authenticate first"));
        }
        return switch (channel.kind()) {
            case TICKER -> who.isPublisher() ? Uni.createFrom().voidItem()
                    : failed(ProtocolException.forbidden("Ticker channels are read-only for clients"));
            case USER -> failed(ProtocolException.forbidden("user channels take signal frames, not publish"));
            case ROOM -> roomMember(who, channel);
        };
    }

    /** Drops cached access of the room (chat.membership said it changed). */
    public void invalidate(String roomId) {
        cache.invalidate(roomId);
    }

    private static Uni<Void> ownInbox(Identity who, Channel channel) {
        return who.userId().equals(channel.id()) ? Uni.createFrom().voidItem()
                : failed(ProtocolException.forbidden("Only user " + channel.id() + " may use " + channel.name()));
    }

    private Uni<Void> roomMember(Identity who, Channel channel) {
        return access(channel.id(), ROOM_ITSELF).chain(room -> {
            if (!room.exists() || !room.isPrivate()) {
                return Uni.createFrom().voidItem();
            }
            return access(channel.id(), who.userId()).map(access -> {
                if (access.exists() && access.isPrivate() && !access.member()) {
                    throw ProtocolException.forbidden(channel.name() + " is private and you are not a member");
                }
                return null;
            });
        });
    }

    /** The room's access for that user (or for nobody: {@link #ROOM_ITSELF}), cached. */
    Uni<RoomAccess> access(String roomId, String userId) {
        RoomAccess cached = cache.get(roomId, userId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        // The generation is part of the key: a read that began before an invalidation is not joined after it.
        long generation = cache.generation(roomId);
        return reads.call(new AccessRead(roomId, userId, generation), () -> chat.access(roomId, userId)
                .invoke(access -> cache.put(roomId, userId, access, generation)));
    }

    private record AccessRead(String roomId, String userId, long generation) {
    }

    private static Uni<Void> failed(ProtocolException e) {
        return Uni.createFrom().failure(e);
    }
}
