package dev.switchboard.presence.leases;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A gateway's lease, two ways.
 *
 * @param deadline      wall-clock time of this instance when it lapses: heartbeat processed at + leaseMs
 * @param eventDeadline record time when it lapses: heartbeat record timestamp + leaseMs, for judging while the
 *                      partition works through a backlog (then processing time says nothing about the gateway)
 */
@RegisterForReflection
public record GatewayLease(long deadline, long eventDeadline) {
}
