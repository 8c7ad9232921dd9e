package dev.switchboard.gateway.subscription;

import org.jboss.logging.Logger;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.MembershipEvent;
import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.fanout.ChannelIndex;
import dev.switchboard.gateway.fanout.Membership;
import dev.switchboard.gateway.messaging.TopicListener;
import dev.switchboard.gateway.protocol.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * chat.membership: drops the room's cached access, and re-checks local subscriptions that may have lost their right
 * (a removed member, a room created private), so they stop receiving the room at once.
 */
@ApplicationScoped
public class MembershipListener implements TopicListener<MembershipEvent> {

    private static final Logger LOG = Logger.getLogger(MembershipListener.class);

    private final ChannelAuthorizer authorizer;
    private final ChannelIndex index;
    private final SubscriptionService subscriptions;

    public MembershipListener(ChannelAuthorizer authorizer, ChannelIndex index, SubscriptionService subscriptions) {
        this.authorizer = authorizer;
        this.index = index;
        this.subscriptions = subscriptions;
    }

    @Override
    public String topic() {
        return Topics.CHAT_MEMBERSHIP;
    }

    @Override
    public Class<MembershipEvent> type() {
        return MembershipEvent.class;
    }

    @Override
    public void on(MembershipEvent event) {
        if (!Ids.isValid(event.roomId()) || event.kind() == null) {
            return;
        }
        authorizer.invalidate(event.roomId());
        boolean roomTurnedPrivate = event.kind() == MembershipEvent.Kind.ROOM_CREATED
                && event.visibility() == MembershipEvent.Visibility.PRIVATE;
        if (event.kind() != MembershipEvent.Kind.REMOVED && !roomTurnedPrivate) {
            return;
        }
        for (Membership membership : index.members(Channel.room(event.roomId()).name())) {
            String userId = membership.subscriber().identity().userId();
            if (roomTurnedPrivate || (userId != null && userId.equals(event.userId()))) {
                subscriptions.recheck(membership).subscribe().with(ignored -> {
                }, failure -> LOG.warnf("Re-check of %s failed: %s", membership.channel(), failure.toString()));
            }
        }
    }
}
