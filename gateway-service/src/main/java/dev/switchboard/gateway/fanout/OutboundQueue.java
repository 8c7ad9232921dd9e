package dev.switchboard.gateway.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;

/**
 * The bounded outbound queue of one connection. Producers (Kafka consumer threads, request handlers) only enqueue;
 * one drain loop at a time, on the connection's executor, writes frames with at most {@code window} writes
 * unconfirmed, so a socket that stops reading stops the drain, never the producers. Everything queued when a drain
 * looks is handed to the sink as one batch. A confirmed write drains again in place, on the thread that confirmed it
 * (the connection's event loop), without another executor hop. Conflatable events (ticks) of a channel replace each
 * other while queued and never count against the bound; any other frame beyond the bound closes
 * the connection ({@link OutboundSink#overflowed()}) instead of being dropped.
 */
public final class OutboundQueue {

    private static final class Slot {
        final String conflationKey;
        String text;

        Slot(String conflationKey, String text) {
            this.conflationKey = conflationKey;
            this.text = text;
        }
    }

    private record Waiter(int frames, CompletableFuture<Void> future) {
    }

    private final OutboundSink sink;
    private final Executor executor;
    private final int capacity;
    private final int window;
    // Small to start with: most connections have nothing queued most of the time (the deque grows as needed).
    private final ArrayDeque<Slot> queue = new ArrayDeque<>(4);
    /** Created on the first conflatable event: only ticker subscribers need it. */
    private Map<String, Slot> queuedConflatable;
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<String> batch = new ArrayList<>();
    private final AtomicInteger wip = new AtomicInteger();
    private int strictQueued;
    private int inFlight;
    private boolean closed;

    public OutboundQueue(OutboundSink sink, Executor executor, int capacity, int window) {
        this.sink = sink;
        this.executor = executor;
        this.capacity = capacity;
        this.window = window;
    }

    /** Queues an event; false if the queue is closed or just overflowed. */
    public boolean offer(ChannelEvent event) {
        return enqueue(event.conflatable() ? event.channel() : null, event.json());
    }

    /** Queues a control frame (ack, error, subscribed...); it counts against the bound like chat. */
    public boolean offer(String frame) {
        return enqueue(null, frame);
    }

    private boolean enqueue(String conflationKey, String text) {
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (conflationKey != null) {
                if (queuedConflatable == null) {
                    queuedConflatable = new HashMap<>();
                }
                Slot queued = queuedConflatable.get(conflationKey);
                if (queued != null) {
                    queued.text = text;
                    return true;
                }
                Slot slot = new Slot(conflationKey, text);
                queuedConflatable.put(conflationKey, slot);
                queue.add(slot);
            } else if (strictQueued >= capacity) {
                closeLocked();
                overflow = true;
            } else {
                queue.add(new Slot(null, text));
                strictQueued++;
            }
        }
        if (overflow) {
            failWaiters();
            sink.overflowed();
            return false;
        }
        scheduleDrain();
        return true;
    }

    /** Completes when that many more frames fit; fails if the queue closes first. */
    public Uni<Void> awaitCapacity(int frames) {
        int wanted = Math.min(frames, capacity);
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                future.completeExceptionally(ProtocolException.unavailable("The connection is closed"));
            } else if (strictQueued + wanted <= capacity) {
                future.complete(null);
            } else {
                waiters.add(new Waiter(wanted, future));
            }
        }
        return Uni.createFrom().completionStage(future);
    }

    /** Completes once everything queued has been written (or the queue closed). */
    public Uni<Void> flushed() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            if (closed || (queue.isEmpty() && inFlight == 0)) {
                future.complete(null);
            } else {
                waiters.add(new Waiter(-1, future));
            }
        }
        return Uni.createFrom().completionStage(future);
    }

    /** Stops all writing and drops what is queued (the connection is gone). */
    public void close() {
        synchronized (this) {
            closeLocked();
        }
        failWaiters();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int size() {
        return queue.size();
    }

    private void closeLocked() {
        closed = true;
        queue.clear();
        queuedConflatable = null;
        strictQueued = 0;
    }

    private void scheduleDrain() {
        if (wip.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            while (true) {
                // Only one drain runs at a time (wip), and the sink does not keep the list.
                batch.clear();
                synchronized (this) {
                    while (!closed && inFlight < window && !queue.isEmpty()) {
                        Slot slot = queue.poll();
                        if (slot.conflationKey != null) {
                            queuedConflatable.remove(slot.conflationKey);
                        } else {
                            strictQueued--;
                        }
                        batch.add(slot.text);
                        inFlight++;
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                wakeWaiters();
                int frames = batch.size();
                sink.write(batch).onComplete(result -> {
                    if (result.succeeded()) {
                        written(frames);
                    } else {
                        close();
                    }
                });
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void written(int frames) {
        synchronized (this) {
            inFlight -= frames;
        }
        wakeWaiters();
        if (wip.getAndIncrement() == 0) {
            drain();
        }
    }

    private void wakeWaiters() {
        List<CompletableFuture<Void>> ready;
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            ready = new ArrayList<>();
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                boolean done = waiter.frames() < 0
                        ? queue.isEmpty() && inFlight == 0
                        : strictQueued + waiter.frames() <= capacity;
                if (done) {
                    ready.add(waiter.future());
                    it.remove();
                }
            }
        }
        ready.forEach(future -> future.complete(null));
    }

    private void failWaiters() {
        List<Waiter> failed;
        synchronized (this) {
            failed = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (Waiter waiter : failed) {
            if (waiter.frames() < 0) {
                waiter.future().complete(null);
            } else {
                waiter.future().completeExceptionally(ProtocolException.unavailable("The connection is closed"));
            }
        }
    }
}
