package dev.switchboard.gateway.fanout;

import io.smallrye.mutiny.Uni;

/** A client connection held open by a transport (WebSocket, SSE, ...), as the lifecycle and limits see it. */
public interface GatewayConnection extends Subscriber {

    /**
     * Graceful shutdown: tell the client to reconnect elsewhere after afterMs, let queued frames flush, then close
     * (1001 on WebSocket). Completes when the connection is closed.
     */
    Uni<Void> drain(String reason, long afterMs);
}
