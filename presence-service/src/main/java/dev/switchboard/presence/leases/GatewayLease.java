package dev.switchboard.presence.leases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A gateway's lease.
 *
 * @param deadline when it lapses on its partition's clock ({@link PartitionClock}), epoch ms. Leases written before
 *                 the partition clock (with a wall-clock {@code deadline} and an {@code eventDeadline}) read as they
 *                 are: their wall-clock deadline is a time of the same kind.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayLease(long deadline) {
}
