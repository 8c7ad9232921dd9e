package dev.switchboard.presence.topology;

import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.PresenceDiff;

/** What the presence processor of a channel partition emits: a room's diff, or a gateway it expired (one is set). */
public record PresenceOutput(PresenceDiff diff, GatewayExpiry expiry) {

    public static PresenceOutput of(PresenceDiff diff) {
        return new PresenceOutput(diff, null);
    }

    public static PresenceOutput of(GatewayExpiry expiry) {
        return new PresenceOutput(null, expiry);
    }
}
