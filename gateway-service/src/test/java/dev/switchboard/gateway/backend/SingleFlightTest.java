package dev.switchboard.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

class SingleFlightTest {

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final SingleFlight<String, String> flight = new SingleFlight<>();
    private final AtomicInteger requests = new AtomicInteger();

    private Uni<String> request(CompletableFuture<String> answer) {
        return Uni.createFrom().deferred(() -> {
            requests.incrementAndGet();
            return Uni.createFrom().completionStage(answer);
        });
    }

    @Test
    void concurrentCallsForOneKeyShareOneRequest() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        CompletableFuture<String> first = flight.call("room:a", () -> request(answer)).subscribeAsCompletionStage();
        CompletableFuture<String> second = flight.call("room:a", () -> request(answer)).subscribeAsCompletionStage();

        assertEquals(1, requests.get());
        assertEquals(1, flight.inFlight());
        answer.complete("members");
        assertEquals("members", first.join());
        assertEquals("members", second.join());
        assertEquals(0, flight.inFlight());
    }

    @Test
    void otherKeysGetTheirOwnRequest() {
        flight.call("room:a", () -> request(new CompletableFuture<>())).subscribeAsCompletionStage();
        flight.call("room:b", () -> request(new CompletableFuture<>())).subscribeAsCompletionStage();

        assertEquals(2, requests.get());
    }

    @Test
    void aFinishedAnswerIsNeverReused() {
        assertEquals("old", flight.call("room:a", () -> request(CompletableFuture.completedFuture("old")))
                .await().atMost(WAIT));
        assertEquals("fresh", flight.call("room:a", () -> request(CompletableFuture.completedFuture("fresh")))
                .await().atMost(WAIT));
        assertEquals(2, requests.get());
    }

    @Test
    void aFailureReachesEveryWaiterAndTheNextCallTriesAgain() {
        CompletableFuture<String> broken = new CompletableFuture<>();
        CompletableFuture<String> first = flight.call("room:a", () -> request(broken)).subscribeAsCompletionStage();
        CompletableFuture<String> second = flight.call("room:a", () -> request(broken)).subscribeAsCompletionStage();
        broken.completeExceptionally(new IllegalStateException("backend down"));

        assertTrue(first.isCompletedExceptionally());
        assertTrue(second.isCompletedExceptionally());
        assertEquals(0, flight.inFlight());
        assertEquals("back", flight.call("room:a", () -> request(CompletableFuture.completedFuture("back")))
                .await().atMost(WAIT));
    }

    @Test
    void aRequestThatCannotBeMadeFailsItsCallerAndLeavesNothingBehind() {
        Uni<String> call = flight.call("room:a", () -> {
            throw new IllegalArgumentException("bad room");
        });
        assertThrows(IllegalArgumentException.class, () -> call.await().atMost(WAIT));
        assertEquals(0, flight.inFlight());
    }

    @Test
    void aJoinerContinuesOnItsOwnContext() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // Vert.x keeps one context per outside thread: two threads, two contexts (two connections' event loops).
            Context first = contextOfANewThread(vertx);
            Context joiner = contextOfANewThread(vertx);
            assertTrue(first != joiner);
            CompletableFuture<String> answer = new CompletableFuture<>();
            CompletableFuture<Context> firstSaw = new CompletableFuture<>();
            CompletableFuture<Context> joinerSaw = new CompletableFuture<>();
            CountDownLatch firstCalled = new CountDownLatch(1);
            CountDownLatch joinerCalled = new CountDownLatch(1);
            first.runOnContext(ignored -> {
                flight.call("room:a", () -> request(answer))
                        .subscribe().with(item -> firstSaw.complete(Vertx.currentContext()));
                firstCalled.countDown();
            });
            assertTrue(firstCalled.await(5, TimeUnit.SECONDS));
            joiner.runOnContext(ignored -> {
                flight.call("room:a", () -> request(answer))
                        .subscribe().with(item -> joinerSaw.complete(Vertx.currentContext()));
                joinerCalled.countDown();
            });
            assertTrue(joinerCalled.await(5, TimeUnit.SECONDS));
            assertEquals(1, requests.get());
            // The shared request completes on the first caller's context, as an HTTP client would.
            first.runOnContext(ignored -> answer.complete("members"));
            assertSame(joiner, joinerSaw.get(5, TimeUnit.SECONDS));
            assertSame(first, firstSaw.get(5, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static Context contextOfANewThread(Vertx vertx) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return CompletableFuture.supplyAsync(vertx::getOrCreateContext, thread).join();
        } finally {
            thread.shutdown();
        }
    }
}
