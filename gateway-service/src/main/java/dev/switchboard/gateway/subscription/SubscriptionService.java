package dev.switchboard.gateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.chat.RoomEventsPage;
import dev.switchboard.gateway.chat.RoomHistory;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.Membership;
import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.fanout.Subscriber;
import dev.switchboard.gateway.presence.PresenceAnnouncer;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.EventFrames;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.ticker.LatestTicks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Subscribing and unsubscribing, for every transport: authorization, registration in the {@link ChannelIndex},
 * presence JOIN/LEAVE for rooms, and the exact resume of a room from durable history.
 *
 * <p>
 * The subscriber is registered with a closed gate first, so every live event from then on is held; then its position
 * is read (a room's latest seq from chat-service, a ticker's latest tick); the transport's {@code intro} sends
 * {@code subscribed} (and e.g. the presence member list); history after {@code since} is replayed page by page (each
 * page waits for room in the subscriber's queue); finally held events above the last delivered seq are released and
 * the gate opens. Every seq is delivered once, in order, however long the client was away.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    private static final int MAX_EMPTY_CATCH_UPS = 5;
    private static final Duration CATCH_UP_RETRY = Duration.ofMillis(200);

    private final ChannelAuthorizer authorizer;
    private final ChannelIndex index;
    private final RoomHistory history;
    private final LatestTicks ticks;
    private final EventFrames frames;
    private final PresenceAnnouncer presence;

    public SubscriptionService(ChannelAuthorizer authorizer, ChannelIndex index, RoomHistory history, LatestTicks ticks,
            EventFrames frames, PresenceAnnouncer presence) {
        this.authorizer = authorizer;
        this.index = index;
        this.history = history;
        this.ticks = ticks;
        this.frames = frames;
        this.presence = presence;
    }

    @PostConstruct
    void repairGaps() {
        index.onGapDetected(membership -> catchUp(membership, Channel.parse(membership.channel()).id(), 0)
                .subscribe().with(ignored -> {
                }, failure -> LOG.warnf("Gap repair of %s failed: %s", membership.channel(), failure.toString())));
    }

    /**
     * Subscribes; the Uni completes (with what {@code intro} was given) once replay is done and the subscription is
     * live, or fails with a ProtocolException (nothing registered then).
     *
     * @param since the last seq the client holds, or null for "from now"
     * @param meta  what others see of this user in the room's presence (may be null)
     * @param intro sends {@code subscribed} (and anything that must precede replayed events); runs before replay
     */
    public Uni<Subscribed> subscribe(Subscriber subscriber, Channel channel, Long since, JsonNode meta,
            Function<Subscribed, Uni<Void>> intro) {
        return authorizer.authorizeSubscribe(subscriber.identity(), channel).chain(() -> {
            boolean already = index.isSubscribed(subscriber.id(), channel.name());
            Membership membership = index.add(subscriber, channel);
            if (channel.isRoom() && !already) {
                presence.join(channel.name(), subscriber.identity().userId(), subscriber.id(), meta);
            }
            Uni<Subscribed> flow = switch (channel.kind()) {
                case ROOM -> room(membership, channel, since, intro);
                case TICKER -> ticker(membership, channel, intro);
                case USER -> plain(membership, channel, intro);
            };
            return flow.onFailure().invoke(failure -> {
                if (index.remove(membership) && channel.isRoom()) {
                    presence.leave(channel.name(), subscriber.identity().userId(), subscriber.id());
                }
            });
        });
    }

    /** Removes the subscription (LEAVE for rooms); false if there was none. */
    public boolean unsubscribe(Subscriber subscriber, Channel channel) {
        boolean removed = index.remove(subscriber.id(), channel.name());
        if (removed && channel.isRoom()) {
            presence.leave(channel.name(), subscriber.identity().userId(), subscriber.id());
        }
        return removed;
    }

    /** Re-checks a subscriber's right to a channel (membership changed); revokes it when gone. */
    public Uni<Void> recheck(Membership membership) {
        Subscriber subscriber = membership.subscriber();
        Channel channel = Channel.parse(membership.channel());
        return authorizer.authorizeSubscribe(subscriber.identity(), channel)
                .onFailure(ProtocolException.class).recoverWithUni(failure -> {
                    ProtocolException problem = (ProtocolException) failure;
                    if (problem.code() == dev.switchboard.gateway.protocol.ErrorCode.FORBIDDEN && index.isCurrent(membership)) {
                        unsubscribe(subscriber, channel);
                        subscriber.revoked(channel.name(), problem);
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Subscribed> plain(Membership membership, Channel channel, Function<Subscribed, Uni<Void>> intro) {
        Subscribed subscribed = new Subscribed(channel, 0, true);
        return intro.apply(subscribed).invoke(membership::tryGoLive).replaceWith(subscribed);
    }

    private Uni<Subscribed> ticker(Membership membership, Channel channel, Function<Subscribed, Uni<Void>> intro) {
        Tick latest = ticks.get(channel.id());
        Subscribed subscribed = new Subscribed(channel, latest == null ? 0 : latest.seq(), true);
        return intro.apply(subscribed).invoke(() -> {
            if (latest != null) {
                membership.replay(frames.tick(latest));
            }
            membership.tryGoLive();
        }).replaceWith(subscribed);
    }

    private Uni<Subscribed> room(Membership membership, Channel channel, Long since, Function<Subscribed, Uni<Void>> intro) {
        String roomId = channel.id();
        return (since == null ? history.latest(roomId) : history.after(roomId, since))
                .onItemOrFailure().transformToUni((page, failure) -> {
                    if (failure != null) {
                        return historyUnavailable(membership, channel, since, intro, failure);
                    }
                    if (since == null) {
                        // Live from the latest seq: what came before is history the client reads over HTTP.
                        membership.positionAt(page.latestSeq());
                        Subscribed subscribed = new Subscribed(channel, page.latestSeq(), true);
                        return intro.apply(subscribed).chain(() -> goLiveOrCatchUp(membership, roomId, 0))
                                .replaceWith(subscribed);
                    }
                    if (!RoomHistory.canFill(page, since)) {
                        membership.positionAt(page.latestSeq());
                        Subscribed subscribed = new Subscribed(channel, page.latestSeq(), false);
                        return intro.apply(subscribed).chain(() -> goLiveOrCatchUp(membership, roomId, 0))
                                .replaceWith(subscribed);
                    }
                    membership.positionAt(since);
                    Subscribed subscribed = new Subscribed(channel, page.latestSeq(), true);
                    return intro.apply(subscribed)
                            .chain(() -> replayPage(membership, page))
                            .chain(() -> more(page) ? catchUp(membership, roomId, 0) : goLiveOrCatchUp(membership, roomId, 0))
                            .replaceWith(subscribed);
                });
    }

    /** chat-service cannot say where the room is: best effort from now, recovered:false if a gap was asked for. */
    private Uni<Subscribed> historyUnavailable(Membership membership, Channel channel, Long since,
            Function<Subscribed, Uni<Void>> intro, Throwable failure) {
        ProtocolException problem = ProtocolException.of(failure);
        Subscribed subscribed = new Subscribed(channel, since == null ? 0 : since, since == null);
        return intro.apply(subscribed).invoke(() -> {
            if (since != null) {
                membership.subscriber().warn(channel.name(), ProtocolException.unavailable(
                        "History of " + channel.name() + " is unavailable (" + problem.getMessage()
                                + "); reload it over HTTP"));
            }
            membership.goLiveUnchecked();
        }).replaceWith(subscribed);
    }

    /** Reads history after the last delivered seq until the held live events continue it, then opens the gate. */
    Uni<Void> catchUp(Membership membership, String roomId, int emptyRounds) {
        if (!index.isCurrent(membership)) {
            return Uni.createFrom().voidItem();
        }
        return history.after(roomId, membership.lastSeq())
                .onFailure().recoverWithUni(failure -> {
                    giveUp(membership, "History of room:" + roomId + " is unavailable; reload it over HTTP");
                    return Uni.createFrom().nullItem();
                })
                .chain(page -> {
                    if (page == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!RoomHistory.canFill(page, membership.lastSeq())) {
                        giveUp(membership, "Part of room:" + roomId + " is no longer in history; reload it over HTTP");
                        return Uni.createFrom().voidItem();
                    }
                    int rounds = page.eventsOrEmpty().isEmpty() ? emptyRounds + 1 : 0;
                    return replayPage(membership, page).chain(() -> more(page)
                            ? catchUp(membership, roomId, rounds)
                            : goLiveOrCatchUp(membership, roomId, rounds));
                });
    }

    private Uni<Void> goLiveOrCatchUp(Membership membership, String roomId, int emptyRounds) {
        if (!index.isCurrent(membership) || membership.tryGoLive()) {
            return Uni.createFrom().voidItem();
        }
        if (emptyRounds >= MAX_EMPTY_CATCH_UPS) {
            giveUp(membership, "Events of room:" + roomId + " are missing from history; reload it over HTTP");
            return Uni.createFrom().voidItem();
        }
        // Held live events are ahead of history: chat-service may not show the newest yet. Read again shortly.
        return Uni.createFrom().voidItem().onItem().delayIt().by(CATCH_UP_RETRY)
                .chain(() -> catchUp(membership, roomId, emptyRounds));
    }

    private void giveUp(Membership membership, String message) {
        if (index.isCurrent(membership)) {
            membership.subscriber().warn(membership.channel(), ProtocolException.unavailable(message));
            membership.goLiveUnchecked();
        }
    }

    private static boolean more(RoomEventsPage page) {
        return page.hasMore() && !page.eventsOrEmpty().isEmpty();
    }

    private Uni<Void> replayPage(Membership membership, RoomEventsPage page) {
        List<ChatEvent> events = page.eventsOrEmpty();
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return membership.subscriber().awaitCapacity(events.size()).invoke(() -> {
            if (index.isCurrent(membership)) {
                events.forEach(event -> membership.replay(frames.message(event)));
            }
        });
    }
}
