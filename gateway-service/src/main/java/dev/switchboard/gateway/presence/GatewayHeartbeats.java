package dev.switchboard.gateway.presence;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.fanout.LocalConnections;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Renews this replica's presence lease every heartbeat interval; the lifecycle sends the final stopping=true one on a
 * clean shutdown, so presence-service drops the replica's connections at once instead of at lease expiry.
 */
@ApplicationScoped
public class GatewayHeartbeats {

    private static final Logger LOG = Logger.getLogger(GatewayHeartbeats.class);

    private final PresenceAnnouncer announcer;
    private final LocalConnections connections;
    private final Vertx vertx;
    private final long intervalMs;
    private volatile long timer = -1;

    public GatewayHeartbeats(PresenceAnnouncer announcer, LocalConnections connections, Vertx vertx, GatewayConfig config) {
        this.announcer = announcer;
        this.connections = connections;
        this.vertx = vertx;
        this.intervalMs = config.presence().heartbeatInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        beat();
        timer = vertx.setPeriodic(intervalMs, id -> beat());
    }

    /** One lease renewal now (also when presence-service expired the lease of this live replica). */
    void beat() {
        announcer.heartbeat(connections.count(), false).subscribe().with(ignored -> {
        }, failure -> LOG.debugf("Heartbeat not sent: %s", failure.toString()));
    }

    /** Stops renewing and announces the stop (waits briefly for the broker). */
    public void stop() {
        vertx.cancelTimer(timer);
        try {
            announcer.heartbeat(connections.count(), true).await().atMost(java.time.Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            LOG.warnf("Stopping heartbeat not sent: %s", e.toString());
        }
    }
}
