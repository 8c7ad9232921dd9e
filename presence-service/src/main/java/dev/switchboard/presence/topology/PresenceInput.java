package dev.switchboard.presence.topology;

import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;

/** What the presence processor of a channel partition reads: a connection change, or a gateway's lease (one is set). */
public record PresenceInput(ConnectionEvent connection, GatewayHeartbeat heartbeat) {

    public static PresenceInput of(ConnectionEvent event) {
        return new PresenceInput(event, null);
    }

    public static PresenceInput of(GatewayHeartbeat heartbeat) {
        return new PresenceInput(null, heartbeat);
    }
}
