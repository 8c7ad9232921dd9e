package dev.switchboard.gateway.presence;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.messaging.KafkaOut;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A typing signal in a room: authorized like a publish, then a TypingEvent on presence.typing. */
@ApplicationScoped
public class TypingService {

    private final ChannelAuthorizer authorizer;
    private final KafkaOut kafka;
    private final String gatewayId;

    public TypingService(ChannelAuthorizer authorizer, KafkaOut kafka, GatewayConfig config) {
        this.authorizer = authorizer;
        this.kafka = kafka;
        this.gatewayId = config.replicaId();
    }

    public Uni<Void> typing(Identity who, String connectionId, Channel channel, boolean active) {
        if (!channel.isRoom()) {
            return Uni.createFrom().failure(ProtocolException.badRequest("typing is for room channels"));
        }
        return authorizer.authorizePublish(who, channel).chain(() -> kafka.send(Topics.PRESENCE_TYPING, channel.name(),
                new TypingEvent(channel.name(), who.userId(), connectionId, gatewayId, active, System.currentTimeMillis())));
    }
}
