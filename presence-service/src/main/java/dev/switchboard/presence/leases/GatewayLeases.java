package dev.switchboard.presence.leases;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.switchboard.contracts.presence.GatewayHeartbeat;

/**
 * The liveness lease of every gateway, as one channel partition knows it.
 * <p>
 * Normally a lease lapses on the wall clock: {@code leaseMs} after its last heartbeat was processed. That alone would
 * kill live gateways whenever the partition falls behind (a burst of joins, a slow disk): their next heartbeat is in
 * the backlog, not missing. So while the partition is behind, a lease lapses only when the heartbeats processed have
 * moved a whole lease past the gateway's last heartbeat (record time): the gateway really did stop while the others
 * went on.
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

    /**
     * @param now        wall clock
     * @param recordTime the heartbeat record's timestamp
     */
    public void renew(GatewayHeartbeat heartbeat, long now, long recordTime) {
        long leaseMs = heartbeat.leaseMs() > 0 ? Math.min(heartbeat.leaseMs(), maxLeaseMs) : defaultLeaseMs;
        leases.put(heartbeat.gatewayId(), new GatewayLease(now + leaseMs, recordTime + leaseMs));
    }

    /**
     * A gateway whose connection arrives before its first heartbeat (or after its lease lapsed) gets a default lease:
     * if it never heart-beats, its connections still go.
     */
    public void ensure(String gatewayId, long now, long recordTime) {
        if (leases.get(gatewayId) == null) {
            leases.put(gatewayId, new GatewayLease(now + defaultLeaseMs, recordTime + defaultLeaseMs));
        }
    }

    /**
     * @param now          wall clock, or, while the partition is behind, the newest heartbeat record time processed
     * @param byRecordTime whether {@code now} is a record time
     */
    public List<String> lapsed(long now, boolean byRecordTime) {
        List<String> lapsed = new ArrayList<>();
        try (KeyValueIterator<String, GatewayLease> it = leases.all()) {
            it.forEachRemaining(entry -> {
                long deadline = byRecordTime ? entry.value.eventDeadline() : entry.value.deadline();
                if (deadline <= now) {
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
