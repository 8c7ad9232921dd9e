package dev.switchboard.gateway.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.fanout.LocalConnections;
import dev.switchboard.gateway.presence.GatewayHeartbeats;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Rolling-update drain: readiness turns false, then (after a delay that lets load balancers notice) every client gets
 * {@code reconnect {reason, afterMs}} with a random afterMs to spread the reconnections, its queue flushes, and it is
 * closed with 1001; last, the stopping heartbeat tells presence-service to drop this replica's connections.
 */
@ApplicationScoped
public class GracefulDrain {

    private static final Logger LOG = Logger.getLogger(GracefulDrain.class);
    public static final String REASON = "server draining";

    private final DrainState state;
    private final LocalConnections connections;
    private final GatewayHeartbeats heartbeats;
    private final GatewayConfig.Drain config;

    public GracefulDrain(DrainState state, LocalConnections connections, GatewayHeartbeats heartbeats, GatewayConfig config) {
        this.state = state;
        this.connections = connections;
        this.heartbeats = heartbeats;
        this.config = config.drain();
    }

    /**
     * A real shutdown (SIGTERM) starts here, before Quarkus stops its HTTP server and with it the sockets; the
     * shutdown delay (quarkus.shutdown.delay-enabled) exists to give this observer that window.
     */
    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    /** Where the shutdown delay is off, drain as early as the shutdown lets us. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain();
    }

    /** Runs the drain once; later calls do nothing. Blocks until every connection is closed or the timeout passes. */
    public synchronized void drain() {
        if (state.isDraining()) {
            return;
        }
        state.start();
        LOG.infof("Draining %d connections", connections.count());
        sleep(config.readinessDelay());
        List<Uni<Void>> closes = connections.all().stream()
                .map(connection -> connection.drain(REASON, afterMs()).onFailure().recoverWithNull())
                .toList();
        if (!closes.isEmpty()) {
            try {
                Uni.join().all(closes).andCollectFailures().replaceWithVoid()
                        .await().atMost(config.flushTimeout().plusSeconds(3));
            } catch (RuntimeException e) {
                LOG.warnf("Drain did not finish in time: %s", e.toString());
            }
        }
        heartbeats.stop();
    }

    private long afterMs() {
        long max = config.reconnectAfterMaxMs();
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
