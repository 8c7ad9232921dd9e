package dev.switchboard.gateway.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Channel-level conflation of ticks: newest only, never lost, built only when fanned out. */
class LatestOnlyFanOutTest {

    private final ArrayDeque<Runnable> scheduled = new ArrayDeque<>();
    private final List<String> fannedOut = new ArrayList<>();
    private final AtomicInteger built = new AtomicInteger();
    private final LatestOnlyFanOut fanOut = new LatestOnlyFanOut(scheduled::add, e -> fannedOut.add(e.json()));

    @Test
    void ticksArrivingBeforeTheFanOutRunsCollapseIntoTheNewestPerChannel() {
        for (int seq = 1; seq <= 5; seq++) {
            fanOut.offer("ticker:AAA", tick("ticker:AAA", seq));
        }
        fanOut.offer("ticker:BBB", tick("ticker:BBB", 1));

        assertEquals(2, scheduled.size(), "one pending fan-out per channel, however many ticks arrived");
        runAll();
        assertEquals(List.of("ticker:AAA#5", "ticker:BBB#1"), fannedOut);
        assertEquals(2, built.get(), "the replaced ticks are never serialized");
    }

    @Test
    void aTickArrivingAfterTheFanOutTookTheLastOneIsFannedOutToo() {
        fanOut.offer("ticker:AAA", tick("ticker:AAA", 1));
        runAll();
        fanOut.offer("ticker:AAA", tick("ticker:AAA", 2));
        fanOut.offer("ticker:AAA", tick("ticker:AAA", 3));
        runAll();

        assertEquals(List.of("ticker:AAA#1", "ticker:AAA#3"), fannedOut);
    }

    @Test
    void anEventThatFailsToBuildDoesNotStopTheFanOutThread() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger threadsStarted = new AtomicInteger();
        ExecutorService fanOutThread = Executors.newSingleThreadExecutor(task -> {
            threadsStarted.incrementAndGet();
            return new Thread(task);
        });
        LatestOnlyFanOut real = new LatestOnlyFanOut(fanOutThread, e -> seen.add(e.json()));
        real.offer("ticker:AAA", () -> {
            throw new IllegalStateException("unserializable");
        });
        fanOutThread.submit(() -> null).get(10, TimeUnit.SECONDS);
        real.offer("ticker:AAA", tick("ticker:AAA", 2));
        fanOutThread.shutdown();
        assertTrue(fanOutThread.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(List.of("ticker:AAA#2"), seen);
        assertEquals(1, threadsStarted.get(), "the failure was caught, not left to kill the fan-out thread");
    }

    @Test
    void underConcurrentOffersTheLastTickOfEveryChannelIsFannedOut() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService fanOutThread = Executors.newSingleThreadExecutor();
        LatestOnlyFanOut real = new LatestOnlyFanOut(fanOutThread, e -> seen.add(e.json()));
        ExecutorService producers = Executors.newFixedThreadPool(4);
        for (int p = 0; p < 4; p++) {
            String channel = "ticker:P" + p;
            producers.execute(() -> {
                for (int seq = 1; seq <= 20_000; seq++) {
                    real.offer(channel, tick(channel, seq));
                }
            });
        }
        producers.shutdown();
        producers.awaitTermination(30, TimeUnit.SECONDS);
        fanOutThread.shutdown();
        fanOutThread.awaitTermination(30, TimeUnit.SECONDS);

        for (int p = 0; p < 4; p++) {
            String channel = "ticker:P" + p;
            List<Integer> seqs = seen.stream().filter(json -> json.startsWith(channel + "#"))
                    .map(json -> Integer.parseInt(json.substring(json.indexOf('#') + 1))).toList();
            assertEquals(20_000, seqs.get(seqs.size() - 1), channel + ": the newest tick is never lost");
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), channel + ": fanned out in order, " + seqs);
            }
        }
    }

    private Supplier<ChannelEvent> tick(String channel, long seq) {
        return () -> {
            built.incrementAndGet();
            return new ChannelEvent(channel, seq, true, null, JsonNodeFactory.instance.objectNode(), channel + "#" + seq);
        };
    }

    private void runAll() {
        while (!scheduled.isEmpty()) {
            scheduled.poll().run();
        }
    }
}
