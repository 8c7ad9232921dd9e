package dev.switchboard.gateway.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The per-event-loop executor on a real Vert.x event loop. */
class DrainLoopTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void tasksFromAnotherThreadRunOnTheLoopInOrderEvenBeyondOneTurn() throws InterruptedException {
        Context context = vertx.getOrCreateContext();
        DrainLoop loop = new DrainLoop(context);
        int count = 10_000;
        List<Integer> ran = new ArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            loop.execute(() -> {
                ran.add(n);
                threads.add(Thread.currentThread());
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS), "every task ran");
        assertEquals(count, ran.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, ran.get(i));
        }
        assertEquals(1, threads.size());
        assertTrue(threads.iterator().next().getName().contains("eventloop"), "ran on the event loop");
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws InterruptedException {
        DrainLoop loop = new DrainLoop(vertx.getOrCreateContext());
        CountDownLatch done = new CountDownLatch(2);
        loop.execute(done::countDown);
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        loop.execute(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
    }

    @Test
    void connectionsOnOneEventLoopShareItsDrainLoop() throws Exception {
        DrainLoops loops = new DrainLoops(vertx);
        Context context = vertx.getOrCreateContext();
        DrainLoop[] seen = new DrainLoop[2];
        CountDownLatch done = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            int n = i;
            context.runOnContext(ignored -> {
                seen[n] = loops.current();
                done.countDown();
            });
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(seen[0] != null && seen[0] == seen[1], "one drain loop per event loop");
    }
}
