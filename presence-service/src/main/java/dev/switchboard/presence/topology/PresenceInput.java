package dev.switchboard.presence.topology;

import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceClockTick;

/**
 * What the presence processor of a channel partition reads: a connection change, a gateway's lease, or a clock tick
 * (one is set).
 */
public record PresenceInput(ConnectionEvent connection, GatewayHeartbeat heartbeat, PresenceClockTick tick) {

    public static PresenceInput of(ConnectionEvent event) {
        return new PresenceInput(event, null, null);
    }

    public static PresenceInput of(GatewayHeartbeat heartbeat) {
        return new PresenceInput(null, heartbeat, null);
    }

    public static PresenceInput of(PresenceClockTick tick) {
        return new PresenceInput(null, null, tick);
    }
}
