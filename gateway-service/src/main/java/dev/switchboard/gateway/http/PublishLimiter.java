package dev.switchboard.gateway.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.limits.TokenBucket;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The publish rate limit of HTTP publishers, per user on this replica: the same bucket a WebSocket connection has
 * (switchboard.gateway.limits.publish), since an HTTP client has no connection to hang it on. Buckets of users who
 * stopped publishing are dropped after a minute.
 */
@ApplicationScoped
public class PublishLimiter {

    private static final long IDLE_NANOS = 60_000_000_000L;

    private record Slot(TokenBucket bucket, long[] lastUsed) {
    }

    private final Map<String, Slot> byUser = new ConcurrentHashMap<>();
    private final GatewayConfig.Bucket config;
    private final Vertx vertx;

    public PublishLimiter(GatewayConfig config, Vertx vertx) {
        this.config = config.limits().publish();
        this.vertx = vertx;
    }

    void sweep(@Observes StartupEvent event) {
        vertx.setPeriodic(15_000, id -> {
            long now = System.nanoTime();
            byUser.values().removeIf(slot -> now - slot.lastUsed()[0] > IDLE_NANOS);
        });
    }

    /** Takes one publish of the user, or fails with rate_limited. */
    public void take(String userId) {
        Slot slot = byUser.computeIfAbsent(userId,
                id -> new Slot(TokenBucket.of(config.capacity(), config.perSecond()), new long[1]));
        slot.lastUsed()[0] = System.nanoTime();
        if (!slot.bucket().tryTake()) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "Too many publishes; slow down");
        }
    }
}
