package dev.switchboard.contracts.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A gateway replica's liveness lease, on {@code presence.heartbeats}, keyed by gateway id. When no heartbeat arrives
 * for {@code leaseMs}, presence-service removes every connection of that gateway.
 *
 * @param stopping true in the last heartbeat of a replica that shuts down cleanly
 */
@RegisterForReflection
public record GatewayHeartbeat(String gatewayId, long leaseMs, int connections, boolean stopping, long ts) {
}
