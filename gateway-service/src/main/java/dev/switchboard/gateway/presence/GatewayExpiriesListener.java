package dev.switchboard.gateway.presence;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.gateway.lifecycle.DrainState;
import dev.switchboard.gateway.messaging.TopicListener;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/**
 * presence.gateway-expiries: presence-service declared a replica dead and removed its connections. When that replica
 * is this one and it is alive (it was cut off, paused, or wrongly expired), it renews its lease and announces every
 * live connection again, so presence becomes right by itself, without clients reconnecting.
 */
@Singleton
public class GatewayExpiriesListener implements TopicListener<GatewayExpiry> {

    /**
     * Each channel partition that held connections of this replica sends its own expiry, within about a lease check
     * of each other: one re-announcement covers them all. A later one triggers another, which is harmless.
     */
    static final long DEBOUNCE_MS = 500;

    private static final Logger LOG = Logger.getLogger(GatewayExpiriesListener.class);

    private final PresenceAnnouncer announcer;
    private final GatewayHeartbeats heartbeats;
    private final DrainState drain;
    private final Vertx vertx;
    private final AtomicBoolean pending = new AtomicBoolean();

    public GatewayExpiriesListener(PresenceAnnouncer announcer, GatewayHeartbeats heartbeats, DrainState drain, Vertx vertx) {
        this.announcer = announcer;
        this.heartbeats = heartbeats;
        this.drain = drain;
        this.vertx = vertx;
    }

    @Override
    public String topic() {
        return Topics.PRESENCE_GATEWAY_EXPIRIES;
    }

    @Override
    public Class<GatewayExpiry> type() {
        return GatewayExpiry.class;
    }

    @Override
    public void on(GatewayExpiry expiry) {
        if (!announcer.gatewayId().equals(expiry.gatewayId()) || drain.isDraining()) {
            return;
        }
        if (pending.compareAndSet(false, true)) {
            // On a worker: tens of thousands of JOINs (and a producer that may block on a full buffer) must not hold
            // an event loop.
            vertx.setTimer(DEBOUNCE_MS, id -> vertx.executeBlocking(() -> {
                rejoin();
                return null;
            }, false));
        }
    }

    private void rejoin() {
        pending.set(false);
        if (drain.isDraining()) {
            return;
        }
        heartbeats.beat();
        int connections = announcer.reannounce();
        LOG.warnf("presence-service expired this replica's lease while it was alive: announced %d connection(s) again", connections);
    }
}
