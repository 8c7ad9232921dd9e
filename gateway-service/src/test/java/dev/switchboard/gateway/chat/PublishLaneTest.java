package dev.switchboard.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** One connection's publishes reach Kafka in the order they were sent, whatever each one's authorization costs. */
class PublishLaneTest {

    @Test
    void aLaterStepWaitsForAnEarlierSlowOne() {
        PublishLane lane = new PublishLane();
        List<String> started = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> slowAuthorization = new CompletableFuture<>();

        CompletableFuture<Void> first = lane.inOrder(Uni.createFrom().completionStage(slowAuthorization)
                .invoke(() -> started.add("first"))).subscribeAsCompletionStage();
        CompletableFuture<Void> second = lane.inOrder(Uni.createFrom().voidItem()
                .invoke(() -> started.add("second"))).subscribeAsCompletionStage();

        assertFalse(second.isDone(), "the second publish must not overtake the first");
        assertTrue(started.isEmpty());
        slowAuthorization.complete(null);
        first.join();
        second.join();
        assertEquals(List.of("first", "second"), started);
    }

    @Test
    void aFailedStepDoesNotBlockTheLane() {
        PublishLane lane = new PublishLane();
        CompletableFuture<Void> failed = lane.inOrder(Uni.createFrom().failure(new IllegalStateException("forbidden")))
                .subscribeAsCompletionStage();
        String next = lane.inOrder(Uni.createFrom().voidItem()).replaceWith("sent")
                .await().atMost(Duration.ofSeconds(5));
        assertTrue(failed.isCompletedExceptionally());
        assertEquals("sent", next);
    }

    @Test
    void separateLanesDoNotWaitForEachOther() {
        PublishLane slow = new PublishLane();
        slow.inOrder(Uni.createFrom().completionStage(new CompletableFuture<Void>())).subscribeAsCompletionStage();
        String other = PublishLane.single().inOrder(Uni.createFrom().voidItem()).replaceWith("sent")
                .await().atMost(Duration.ofSeconds(5));
        assertEquals("sent", other);
    }
}
