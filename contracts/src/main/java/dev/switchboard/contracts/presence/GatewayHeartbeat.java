package dev.switchboard.contracts.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A gateway replica's liveness lease, on {@code presence.heartbeats}, keyed by gateway id and written to EVERY
 * partition of the topic (one record per partition): each channel partition of presence-service reads the leases
 * straight from its own partition, with no internal hop that could hold one gateway's heartbeats back. When no
 * heartbeat arrives for {@code leaseMs}, presence-service removes every connection of that gateway.
 *
 * @param stopping true in the last heartbeat of a replica that shuts down cleanly
 */
@RegisterForReflection
public record GatewayHeartbeat(String gatewayId, long leaseMs, int connections, boolean stopping, long ts) {
}
