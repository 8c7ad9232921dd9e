package dev.switchboard.gateway.presence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.messaging.KafkaOut;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What presence-service learns from this replica: connection joins and leaves per room, and the replica's lease. It
 * remembers what it announced as present, so that it can announce it all again when presence-service expired this
 * replica's lease while it was alive ({@link #reannounce()}).
 */
@ApplicationScoped
public class PresenceAnnouncer {

    private final KafkaOut kafka;
    private final String gatewayId;
    private final long leaseMs;
    /** Every JOIN not followed by its LEAVE, by channel NUL connection id. */
    private final Map<String, ConnectionEvent> present = new ConcurrentHashMap<>();

    public PresenceAnnouncer(KafkaOut kafka, GatewayConfig config) {
        this.kafka = kafka;
        this.gatewayId = config.replicaId();
        this.leaseMs = config.presence().leaseMs();
    }

    public void join(String channel, String userId, String connectionId, JsonNode meta) {
        // compute(): a re-announcement of this connection cannot slip in between (and so after) its LEAVE.
        present.compute(key(channel, connectionId), (key, old) -> send(event(ConnectionEvent.Kind.JOIN, channel, userId, connectionId, meta)));
    }

    public void leave(String channel, String userId, String connectionId) {
        present.compute(key(channel, connectionId), (key, old) -> {
            send(event(ConnectionEvent.Kind.LEAVE, channel, userId, connectionId, null));
            return null;
        });
    }

    /**
     * JOINs every connection this replica holds again. presence-service ignores the JOIN of a connection it still
     * has, so this only brings back what an expiry removed.
     *
     * @return how many connections were announced
     */
    public int reannounce() {
        int[] count = {0};
        for (String key : present.keySet()) {
            present.computeIfPresent(key, (k, join) -> {
                count[0]++;
                return send(event(ConnectionEvent.Kind.JOIN, join.channel(), join.userId(), join.connectionId(), join.meta()));
            });
        }
        return count[0];
    }

    private ConnectionEvent event(ConnectionEvent.Kind kind, String channel, String userId, String connectionId, JsonNode meta) {
        return new ConnectionEvent(kind, channel, userId, connectionId, gatewayId, meta, System.currentTimeMillis());
    }

    private ConnectionEvent send(ConnectionEvent event) {
        kafka.sendAndForget(Topics.PRESENCE_CONNECTIONS, event.channel(), event);
        return event;
    }

    private static String key(String channel, String connectionId) {
        return channel + '\u0000' + connectionId;
    }

    /**
     * One lease renewal, written to every partition of presence.heartbeats: each channel partition of presence-service
     * judges the lease from its own partition. {@code stopping} in the last one of a clean shutdown.
     */
    public Uni<Void> heartbeat(int connections, boolean stopping) {
        GatewayHeartbeat heartbeat = new GatewayHeartbeat(gatewayId, leaseMs, connections, stopping, System.currentTimeMillis());
        return Uni.join().all(IntStream.range(0, Topics.CHANNEL_PARTITIONS)
                .mapToObj(partition -> kafka.send(Topics.PRESENCE_HEARTBEATS, partition, gatewayId, heartbeat)).toList())
                .andFailFast().replaceWithVoid();
    }

    public String gatewayId() {
        return gatewayId;
    }
}
