package dev.switchboard.contracts.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * presence-service declared a gateway replica dead (its lease lapsed) and removed its connections from one channel
 * partition: on {@code presence.gateway-expiries}, keyed by gateway id, one per channel partition that held the
 * gateway's lease. A replica that reads its own id here while it is alive (cut off, paused, or wrongly expired)
 * announces its live connections again.
 *
 * @param partition   the channel partition whose lease lapsed
 * @param connections how many connections of the gateway that partition removed
 * @param ts          when (epoch ms)
 */
@RegisterForReflection
public record GatewayExpiry(String gatewayId, int partition, int connections, long ts) {
}
