package dev.switchboard.gateway.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/** The per-connection queue on its own: window, conflation, overflow, capacity waits. */
class OutboundQueueTest {

    /** A socket whose writes complete only when the test says so. */
    private static final class ManualSink implements OutboundSink {
        final List<String> written = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        final List<Promise<Void>> pending = new ArrayList<>();
        final AtomicBoolean overflowed = new AtomicBoolean();

        @Override
        public Future<Void> write(String text) {
            written.add(text);
            Promise<Void> promise = Promise.promise();
            pending.add(promise);
            return promise.future();
        }

        @Override
        public Future<Void> write(List<String> texts) {
            batches.add(texts.size());
            return OutboundSink.super.write(texts);
        }

        @Override
        public void overflowed() {
            overflowed.set(true);
        }

        void completeAll() {
            List<Promise<Void>> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(promise -> promise.complete(null));
        }
    }

    private static ChannelEvent tick(String channel, long seq) {
        return new ChannelEvent(channel, seq, true, null, JsonNodeFactory.instance.objectNode(), channel + "#" + seq);
    }

    @Test
    void writesAtMostTheWindowUntilTheSocketConfirms() {
        ManualSink sink = new ManualSink();
        OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 100, 2);
        for (int i = 0; i < 5; i++) {
            queue.offer("f" + i);
        }
        assertEquals(List.of("f0", "f1"), sink.written);
        sink.completeAll();
        assertEquals(List.of("f0", "f1", "f2", "f3"), sink.written);
        sink.completeAll();
        assertEquals(5, sink.written.size());
    }

    @Test
    void framesQueuedBeforeTheDrainRunsGoToTheSinkAsOneBatch() {
        ManualSink sink = new ManualSink();
        List<Runnable> drains = new ArrayList<>();
        OutboundQueue queue = new OutboundQueue(sink, drains::add, 100, 3);
        for (int i = 0; i < 5; i++) {
            queue.offer("f" + i);
        }
        assertEquals(1, drains.size(), "one drain scheduled for the five frames");
        drains.get(0).run();
        assertEquals(List.of(3), sink.batches, "one batch, cut at the write window");
        assertEquals(List.of("f0", "f1", "f2"), sink.written);
        sink.completeAll();
        assertEquals(List.of(3, 2), sink.batches, "the confirmation drains the rest as one more batch");
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), sink.written);
    }

    @Test
    void queuedTicksOfOneChannelConflateToTheLatest() {
        ManualSink sink = new ManualSink();
        OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 100, 1);
        queue.offer("blocker");
        queue.offer(tick("ticker:A", 1));
        queue.offer(tick("ticker:B", 1));
        queue.offer(tick("ticker:A", 2));
        queue.offer(tick("ticker:A", 3));
        for (int i = 0; i < 3; i++) {
            sink.completeAll();
        }
        assertEquals(List.of("blocker", "ticker:A#3", "ticker:B#1"), sink.written);
    }

    @Test
    void overflowClosesInsteadOfDropping() {
        ManualSink sink = new ManualSink();
        OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 3, 1);
        for (int i = 0; i < 4; i++) {
            assertTrue(queue.offer("f" + i));
        }
        assertFalse(sink.overflowed.get());
        assertFalse(queue.offer("f4"));
        assertTrue(sink.overflowed.get());
        assertTrue(queue.isClosed());
        assertFalse(queue.offer("late"));
    }

    @Test
    void ticksNeverOverflowTheQueue() {
        ManualSink sink = new ManualSink();
        OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 2, 1);
        for (int i = 0; i < 1000; i++) {
            queue.offer(tick("ticker:S" + (i % 5), i + 1));
        }
        assertFalse(sink.overflowed.get());
        assertTrue(queue.size() <= 5);
    }

    @Test
    void capacityWaitsCompleteAsTheQueueDrains() {
        ManualSink sink = new ManualSink();
        OutboundQueue queue = new OutboundQueue(sink, Runnable::run, 4, 1);
        for (int i = 0; i < 4; i++) {
            queue.offer("f" + i);
        }
        AtomicBoolean room = new AtomicBoolean();
        queue.awaitCapacity(2).subscribe().with(ignored -> room.set(true));
        assertFalse(room.get());
        sink.completeAll();
        sink.completeAll();
        assertTrue(room.get());
    }
}
