package dev.switchboard.gateway.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Remembers the TCP connection of each /v1/ws upgrade (by its Sec-WebSocket-Key) so a socket can be cut hard when a
 * close handshake cannot complete: a client that stopped reading never receives the close frame queued behind the
 * data it does not read, and would otherwise hold the connection open.
 */
@ApplicationScoped
public class UpgradeConnections {

    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Pending(HttpConnection connection, long since) {
    }

    private final Map<String, Pending> byKey = new ConcurrentHashMap<>();

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String key = context.request().getHeader("Sec-WebSocket-Key");
            if (key != null && "/v1/ws".equals(context.request().path())) {
                byKey.put(key, new Pending(context.request().connection(), System.nanoTime()));
            }
            context.next();
        }, 100);
    }

    /** The connection of that upgrade, once (null if unknown). */
    HttpConnection take(String key) {
        long now = System.nanoTime();
        byKey.values().removeIf(pending -> now - pending.since() > STALE_NANOS);
        Pending pending = key == null ? null : byKey.remove(key);
        return pending == null ? null : pending.connection();
    }
}
