package dev.switchboard.gateway.backend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Concurrent reads of the same thing share one backend request: when a thousand clients subscribe to one room at
 * once, chat-service and presence-service see one read each, not a thousand (which queued in the connection pool
 * and timed out). Only requests in flight are shared, never a finished answer, so no caller gets a result older
 * than its own call, except that it may have started a little before it.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /** The answer of the request in flight for the key, or of a new one made by {@code request}. */
    public Uni<V> call(K key, Supplier<Uni<V>> request) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> shared = inFlight.putIfAbsent(key, mine);
            if (shared != null) {
                return onCallersContext(Uni.createFrom().completionStage(shared));
            }
            Uni<V> uni;
            try {
                uni = request.get();
            } catch (RuntimeException e) {
                uni = Uni.createFrom().failure(e);
            }
            uni.subscribe().with(item -> {
                inFlight.remove(key, mine);
                mine.complete(item);
            }, failure -> {
                inFlight.remove(key, mine);
                mine.completeExceptionally(failure);
            });
            return Uni.createFrom().completionStage(mine);
        });
    }

    /**
     * A joiner continues on its own Vert.x context (its connection's event loop), not on the thread that completed
     * the shared request for another caller.
     */
    private static <V> Uni<V> onCallersContext(Uni<V> answer) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return answer;
        }
        return answer.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }

    /** Requests in flight now (for tests and metrics). */
    public int inFlight() {
        return inFlight.size();
    }
}
