package dev.switchboard.gateway.presence;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.messaging.KafkaOut;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What presence-service learns from this replica: connection joins and leaves per room, and the replica's lease. */
@ApplicationScoped
public class PresenceAnnouncer {

    private final KafkaOut kafka;
    private final String gatewayId;
    private final long leaseMs;

    public PresenceAnnouncer(KafkaOut kafka, GatewayConfig config) {
        this.kafka = kafka;
        this.gatewayId = config.replicaId();
        this.leaseMs = config.presence().leaseMs();
    }

    public void join(String channel, String userId, String connectionId, JsonNode meta) {
        connection(ConnectionEvent.Kind.JOIN, channel, userId, connectionId, meta);
    }

    public void leave(String channel, String userId, String connectionId) {
        connection(ConnectionEvent.Kind.LEAVE, channel, userId, connectionId, null);
    }

    private void connection(ConnectionEvent.Kind kind, String channel, String userId, String connectionId, JsonNode meta) {
        kafka.sendAndForget(Topics.PRESENCE_CONNECTIONS, channel,
                new ConnectionEvent(kind, channel, userId, connectionId, gatewayId, meta, System.currentTimeMillis()));
    }

    /** One lease renewal; {@code stopping} in the last one of a clean shutdown. */
    public Uni<Void> heartbeat(int connections, boolean stopping) {
        return kafka.send(Topics.PRESENCE_HEARTBEATS, gatewayId,
                new GatewayHeartbeat(gatewayId, leaseMs, connections, stopping, System.currentTimeMillis()));
    }

    public String gatewayId() {
        return gatewayId;
    }
}
