package dev.switchboard.presence.leases;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.switchboard.contracts.presence.GatewayHeartbeat;

/**
 * The liveness lease of every gateway, as one channel partition knows it. Deadlines are wall-clock times of the
 * processing instance: a heartbeat extends its gateway's lease from the moment it is processed.
 */
public final class GatewayLeases {

    private final KeyValueStore<String, Long> deadlines;
    private final long defaultLeaseMs;
    private final long maxLeaseMs;

    public GatewayLeases(KeyValueStore<String, Long> deadlines, long defaultLeaseMs, long maxLeaseMs) {
        this.deadlines = deadlines;
        this.defaultLeaseMs = defaultLeaseMs;
        this.maxLeaseMs = maxLeaseMs;
    }

    public void renew(GatewayHeartbeat heartbeat, long now) {
        long leaseMs = heartbeat.leaseMs() > 0 ? Math.min(heartbeat.leaseMs(), maxLeaseMs) : defaultLeaseMs;
        deadlines.put(heartbeat.gatewayId(), now + leaseMs);
    }

    /**
     * A gateway whose connection arrives before its first heartbeat (or after its lease lapsed) gets a default lease:
     * if it never heart-beats, its connections still go.
     */
    public void ensure(String gatewayId, long now) {
        if (deadlines.get(gatewayId) == null) {
            deadlines.put(gatewayId, now + defaultLeaseMs);
        }
    }

    public List<String> lapsed(long now) {
        List<String> lapsed = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = deadlines.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value <= now) {
                    lapsed.add(entry.key);
                }
            });
        }
        return lapsed;
    }

    public void end(String gatewayId) {
        deadlines.delete(gatewayId);
    }
}
