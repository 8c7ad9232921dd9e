package dev.switchboard.gateway.ws;

import java.util.function.Predicate;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.CloseCodes;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps sockets honest with sweeps over all connections instead of timers each (a timer is about 200 bytes per
 * connection, which idle connections should not pay): a ping every ping interval (queued on each socket's own event
 * loop), a close for sockets that sent nothing, not even a pong, for the idle timeout, and once a second a close 4401
 * for sockets whose token has expired (so at most about a second late).
 */
@ApplicationScoped
public class IdleSweeper {

    private static final long EXPIRY_SWEEP_MS = 1000;

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
        vertx.setPeriodic(periodMs, id -> protocol.sessionsWhere(session -> session.idleNanos() > idleNanos)
                .forEach(session -> session.closeNow(CloseCodes.NORMAL, "idle timeout")));
        vertx.setPeriodic(pingMs, id -> protocol.sessions()
                .forEach(session -> session.executor().execute(session::ping)));
        vertx.setPeriodic(EXPIRY_SWEEP_MS, id -> {
            long now = System.currentTimeMillis();
            Predicate<WsSession> expired = session -> session.tokenExpired(now) && !session.isClosing();
            for (WsSession session : protocol.sessionsWhere(expired)) {
                // Checked again on the socket's loop: an auth frame may have refreshed the token meanwhile.
                session.executor().execute(() -> {
                    if (expired.test(session)) {
                        session.closeNow(CloseCodes.UNAUTHORIZED, "token expired");
                    }
                });
            }
        });
    }
}
