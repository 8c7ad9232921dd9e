package dev.switchboard.gateway.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void tasksQueuedUnderAHoldRunOnlyOnceItIsReleased() throws Exception {
        Context context = vertx.getOrCreateContext();
        DrainLoop loop = new DrainLoop(context);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (HeldDrains held = HeldDrains.hold()) {
            loop.execute(() -> ran.add("first"));
            loop.execute(() -> ran.add("second"));
            // The loop runs in order: had a turn been scheduled, it would have run before this marker.
            awaitOnLoop(context);
            assertEquals(List.of(), ran, "nothing runs while held");
            held.release();
            awaitOnLoop(context);
            assertEquals(List.of("first", "second"), ran, "a release runs what was held");
            loop.execute(() -> ran.add("third"));
            awaitOnLoop(context);
            assertEquals(2, ran.size(), "still held after a release");
        }
        awaitOnLoop(context);
        assertEquals(List.of("first", "second", "third"), ran);
    }

    @Test
    void aHoldIsTheHoldingThreadsOnly() throws Exception {
        Context context = vertx.getOrCreateContext();
        DrainLoop loop = new DrainLoop(context);
        CountDownLatch otherRan = new CountDownLatch(1);
        try (HeldDrains held = HeldDrains.hold(); HeldDrains nested = HeldDrains.hold()) {
            Thread other = new Thread(() -> loop.execute(otherRan::countDown));
            other.start();
            other.join();
            assertTrue(otherRan.await(5, TimeUnit.SECONDS), "another thread's task is not held");
            // Let that turn end first: a turn still running would pick up whatever is queued meanwhile, held or not.
            awaitOnLoop(context);
            CountDownLatch heldRan = new CountDownLatch(1);
            loop.execute(heldRan::countDown);
            nested.close();
            awaitOnLoop(context);
            assertEquals(1, heldRan.getCount(), "closing a nested hold releases nothing");
        }
    }

    private static void awaitOnLoop(Context context) throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        context.runOnContext(ignored -> marker.countDown());
        assertTrue(marker.await(5, TimeUnit.SECONDS));
    }
}
