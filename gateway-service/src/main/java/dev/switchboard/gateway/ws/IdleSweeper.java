package dev.switchboard.gateway.ws;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.CloseCodes;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closes sockets that sent nothing, not even a pong to the server's pings, for the idle timeout: one sweep for all
 * connections instead of a timer each.
 */
@ApplicationScoped
public class IdleSweeper {

    private final WsProtocol protocol;
    private final Vertx vertx;
    private final long idleNanos;
    private final long periodMs;

    public IdleSweeper(WsProtocol protocol, Vertx vertx, GatewayConfig config) {
        this.protocol = protocol;
        this.vertx = vertx;
        this.idleNanos = config.limits().idleTimeout().toNanos();
        this.periodMs = Math.max(100, config.limits().idleTimeout().toMillis() / 4);
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(periodMs, id -> protocol.idleSessions(idleNanos)
                .forEach(session -> session.closeNow(CloseCodes.NORMAL, "idle timeout")));
    }
}
