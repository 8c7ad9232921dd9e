package dev.switchboard.presence.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tuning of presence-service. The defaults meet protocol-v1: dead gateways gone within 15 s, typing expires after 6 s.
 * {@link PresenceConfigRules} has the bounds.
 */
@ConfigMapping(prefix = "switchboard.presence")
public interface PresenceConfig {

    /** Rooms with more users than this get throttled, sampled diffs and aggregated typing. */
    @WithDefault("200")
    int largeRoomThreshold();

    /** How many users a sampled diff, an aggregated typing update or a large-room read lists at most. */
    @WithDefault("20")
    int sampleSize();

    /** How often the pending changes of large rooms go out as one sampled diff. */
    @WithDefault("1s")
    Duration largeRoomDiffInterval();

    /**
     * Small rooms: a change goes out at once when the room had no diff within this window; the changes that follow
     * within it go out together, as one exact diff, when it ends. A reconnect storm (everyone drops, everyone comes
     * back) then costs each member a few frames instead of one per user. 0: one diff per change, at once.
     */
    @WithDefault("250ms")
    Duration smallRoomDiffWindow();

    /** The most members GET /v1/rooms/{id}/presence lists before it answers with a sample. */
    @WithDefault("1000")
    int readLimit();
    Lease lease();
    Typing typing();
    Query query();

    interface Lease {
        /** Lease of a gateway whose connections arrive before its first heartbeat, and of a heartbeat without leaseMs. */
        @WithDefault("10s")
        Duration defaultLease();

        /** The longest lease a heartbeat may ask for. */
        @WithDefault("60s")
        Duration maxLease();

        /**
         * How often lapsed leases are looked for (wall clock). Lease + tick interval + check interval must stay under
         * 15 s.
         */
        @WithDefault("1s")
        Duration checkInterval();

        /**
         * How often each instance writes its clock tick to every partition of presence.heartbeats. Leases lapse by the
         * time read there, so this is how finely a partition whose gateways all stopped still tells time.
         */
        @WithDefault("1s")
        Duration tickInterval();

        /**
         * How far ahead of this instance's clock a record time read from presence.heartbeats is believed. Further ahead
         * (a writer whose clock is off) it moves the partition clock only this far, so that it cannot lapse every lease
         * at once. Generous, because Kafka Streams caches this instance's clock for a processing round (seconds on a
         * loaded machine); must stay under lease - heartbeat interval (7 s).
         */
        @WithDefault("5s")
        Duration clockTolerance();
    }

    interface Typing {
        /** A typing indicator ends this long after the last active:true. */
        @WithDefault("6s")
        Duration expiry();

        /** A repeated active:true of a user within this window is not announced again (small rooms). */
        @WithDefault("3s")
        Duration dedupeWindow();

        /** Large rooms: at most one aggregated update per room per interval. */
        @WithDefault("1s")
        Duration aggregateInterval();

        /** How often expired indicators are looked for (wall clock). */
        @WithDefault("250ms")
        Duration checkInterval();
    }

    interface Query {
        /** How long a read waits for the instance that owns the room. */
        @WithDefault("5s")
        Duration remoteTimeout();
    }
}
