package dev.switchboard.gateway.chat;

import java.util.concurrent.CompletableFuture;

import io.smallrye.mutiny.Uni;

/**
 * Keeps one connection's publishes in the order the client sent them. Authorization may need a round trip to
 * chat-service for one publish and none for the next (a cache hit), so without a lane a later message could reach
 * Kafka first and take the lower seq. Each step of a lane starts when the previous one has finished (put its command
 * on the broker, or failed); only that step is serialized, not the wait for chat-service's reply.
 */
public final class PublishLane {

    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /** A lane of its own, for a request that has nothing to be ordered with (one HTTP publish). */
    public static PublishLane single() {
        return new PublishLane();
    }

    /** The step, started once every earlier step of this lane has finished. */
    public synchronized Uni<Void> inOrder(Uni<Void> step) {
        CompletableFuture<Void> previous = tail;
        CompletableFuture<Void> done = new CompletableFuture<>();
        tail = done;
        return Uni.createFrom().completionStage(previous)
                .chain(() -> step)
                .onTermination().invoke(() -> done.complete(null));
    }
}
