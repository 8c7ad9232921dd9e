package dev.switchboard.presence.leases;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.switchboard.contracts.presence.GatewayHeartbeat;

/**
 * The liveness lease of every gateway, as one channel partition knows it. Deadlines are times of the partition's clock
 * ({@link PartitionClock}): a lease lapses once the partition has read a time {@code leaseMs} past the gateway's last
 * heartbeat, whatever the wall clock says.
 */
public final class GatewayLeases {

    private final KeyValueStore<String, GatewayLease> leases;
    private final long defaultLeaseMs;
    private final long maxLeaseMs;

    public GatewayLeases(KeyValueStore<String, GatewayLease> leases, long defaultLeaseMs, long maxLeaseMs) {
        this.leases = leases;
        this.defaultLeaseMs = defaultLeaseMs;
        this.maxLeaseMs = maxLeaseMs;
    }

    /** @param from the partition clock once the heartbeat was read */
    public void renew(GatewayHeartbeat heartbeat, long from) {
        long leaseMs = heartbeat.leaseMs() > 0 ? Math.min(heartbeat.leaseMs(), maxLeaseMs) : defaultLeaseMs;
        leases.put(heartbeat.gatewayId(), new GatewayLease(from + leaseMs));
    }

    /**
     * A gateway whose connection arrives before its first heartbeat (or after its lease lapsed) gets a default lease:
     * if it never heart-beats, its connections still go.
     */
    public void ensure(String gatewayId, long from) {
        if (leases.get(gatewayId) == null) {
            leases.put(gatewayId, new GatewayLease(from + defaultLeaseMs));
        }
    }

    /** @param clock the partition clock */
    public List<String> lapsed(long clock) {
        List<String> lapsed = new ArrayList<>();
        try (KeyValueIterator<String, GatewayLease> it = leases.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.deadline() <= clock) {
                    lapsed.add(entry.key);
                }
            });
        }
        return lapsed;
    }

    public void end(String gatewayId) {
        leases.delete(gatewayId);
    }
}
