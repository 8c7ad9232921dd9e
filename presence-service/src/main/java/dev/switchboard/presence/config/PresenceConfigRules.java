package dev.switchboard.presence.config;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.switchboard.contracts.config.Bounds;
import dev.switchboard.contracts.config.ConfigRules;

/** The bounds of {@link PresenceConfig}, checked when the configuration is built. */
public final class PresenceConfigRules extends ConfigRules {

    @Override
    protected void check(Object mapping, Bounds bounds) {
        if (mapping instanceof PresenceConfig presence) {
            bounds.atLeast("large-room-threshold", presence.largeRoomThreshold(), 1)
                    .between("sample-size", presence.sampleSize(), 1, 1000)
                    .between("large-room-diff-interval", presence.largeRoomDiffInterval(), ofMillis(50), ofSeconds(30))
                    .between("small-room-diff-window", presence.smallRoomDiffWindow(), ZERO, ofSeconds(5))
                    .between("read-limit", presence.readLimit(), 1, 100_000);
            PresenceConfig.Lease lease = presence.lease();
            bounds.between("lease.default-lease", lease.defaultLease(), ofSeconds(1), ofMinutes(5))
                    .atLeast("lease.max-lease", lease.maxLease(), ofSeconds(1))
                    .between("lease.check-interval", lease.checkInterval(), ofMillis(50), ofSeconds(5))
                    .between("lease.tick-interval", lease.tickInterval(), ofMillis(100), ofSeconds(2))
                    .between("lease.clock-tolerance", lease.clockTolerance(), ofMillis(500), ofSeconds(7));
            PresenceConfig.Typing typing = presence.typing();
            bounds.atLeast("typing.expiry", typing.expiry(), ofMillis(100))
                    .atLeast("typing.dedupe-window", typing.dedupeWindow(), ZERO)
                    .atLeast("typing.aggregate-interval", typing.aggregateInterval(), ofMillis(50))
                    .between("typing.check-interval", typing.checkInterval(), ofMillis(10), ofSeconds(2))
                    .atLeast("query.remote-timeout", presence.query().remoteTimeout(), ofMillis(100));
        }
    }
}
