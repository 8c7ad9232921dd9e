package dev.switchboard.gateway.ws;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.CloseCodes;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps sockets honest with two sweeps for all connections instead of timers each: a ping every ping interval
 * (queued on each socket's own event loop), and a close for sockets that sent nothing, not even a pong, for the idle
 * timeout.
 */
@ApplicationScoped
public class IdleSweeper {

    private final WsProtocol protocol;
    private final Vertx vertx;
    private final long idleNanos;
    private final long periodMs;
    private final long pingMs;

    public IdleSweeper(WsProtocol protocol, Vertx vertx, GatewayConfig config) {
        this.protocol = protocol;
        this.vertx = vertx;
        this.idleNanos = config.limits().idleTimeout().toNanos();
        this.periodMs = Math.max(100, config.limits().idleTimeout().toMillis() / 4);
        this.pingMs = Math.max(100, config.pingInterval().toMillis());
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(periodMs, id -> protocol.idleSessions(idleNanos)
                .forEach(session -> session.closeNow(CloseCodes.NORMAL, "idle timeout")));
        vertx.setPeriodic(pingMs, id -> protocol.sessions()
                .forEach(session -> session.executor().execute(session::ping)));
    }
}
