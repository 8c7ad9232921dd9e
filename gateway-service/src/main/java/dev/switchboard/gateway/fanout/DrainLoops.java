package dev.switchboard.gateway.fanout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link DrainLoop} of each Vert.x event loop, so that all connections on one loop share it. Keyed by the loop's
 * thread: Quarkus forbids shared context data, and a connection's (possibly duplicated) context always runs there.
 */
@ApplicationScoped
public class DrainLoops {

    private final Map<Thread, DrainLoop> byThread = new ConcurrentHashMap<>();
    private final Vertx vertx;

    public DrainLoops(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The drain loop of the calling event loop; off an event loop, a loop of its own on a fresh context. */
    public DrainLoop current() {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return new DrainLoop(context != null ? context : vertx.getOrCreateContext());
        }
        return byThread.computeIfAbsent(Thread.currentThread(), thread -> new DrainLoop(context));
    }
}
