package dev.switchboard.contracts.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * presence-service's own clock on {@code presence.heartbeats}: every instance writes one to EVERY partition each
 * second (record timestamp = {@code ts}). A channel partition judges gateway leases by the newest time it has read from
 * its partition, so when that partition's feed stalls, its clock stalls too and no lease is judged on stale data.
 * Readers tell it from a {@link GatewayHeartbeat} by its {@code clock} field; gateways never read it.
 *
 * @param clock the instance that wrote it (for logs; ticks of several instances are interchangeable)
 * @param ts    when it was written, epoch ms
 */
@RegisterForReflection
public record PresenceClockTick(String clock, long ts) {
}
