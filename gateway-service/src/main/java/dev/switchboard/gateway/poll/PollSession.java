package dev.switchboard.gateway.poll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.fanout.ChannelEvent;
import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.http.StreamSubscriber;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.ws.WsFrames;
import io.smallrye.mutiny.Uni;

/**
 * The server side of a long-poll cursor: subscribed to its channels like a WebSocket, it keeps what arrived between
 * two polls in a bounded buffer, numbered so that a poll acknowledges what the previous answer gave (a lost answer is
 * simply given again). Ticks of a channel replace each other until handed out; anything else beyond the bound breaks
 * the session, and the client's next poll resumes from its cursor's room positions through durable history.
 */
final class PollSession implements StreamSubscriber {

    /** One buffered frame. Mutable only while a tick not yet handed out may be replaced by a newer one. */
    static final class Entry {
        final long index;
        final String channel;
        final boolean conflatable;
        long seq;
        String json;

        Entry(long index, String channel, boolean conflatable, long seq, String json) {
            this.index = index;
            this.channel = channel;
            this.conflatable = conflatable;
            this.seq = seq;
            this.json = json;
        }
    }

    /** What one poll takes: the frames and the index the next poll acknowledges. */
    record Batch(List<Entry> entries, long lastIndex) {
    }

    private record Waiter(int frames, CompletableFuture<Void> future) {
    }

    private final String id = "poll-" + UUID.randomUUID().toString().replace("-", "");
    private final Identity identity;
    private final Set<String> requested;
    private final WsFrames frames;
    private final int capacity;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> introPositions = new ConcurrentHashMap<>();
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Entry> pendingTicks = new HashMap<>();
    private final List<Waiter> capacityWaiters = new ArrayList<>();
    private final AtomicInteger polling = new AtomicInteger();
    private long nextIndex = 1;
    private long handedOut;
    private int strict;
    private boolean broken;
    private boolean closed;
    private CompletableFuture<Void> ready;
    private volatile long lastPollNanos = System.nanoTime();

    PollSession(Identity identity, Set<String> requested, WsFrames frames, int capacity) {
        this.identity = identity;
        this.requested = Set.copyOf(requested);
        this.frames = frames;
        this.capacity = capacity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public void deliver(ChannelEvent event) {
        add(event.channel(), event.conflatable(), event.channel().startsWith("room:") ? event.seq() : 0, event.json());
    }

    @Override
    public void subscribed(Subscribed subscribed, long position) {
        String channel = subscribed.channel().name();
        channels.add(channel);
        if (subscribed.channel().isRoom()) {
            introPositions.merge(channel, position, Math::max);
        }
        add(channel, false, 0, frames.subscribed(null, subscribed));
    }

    @Override
    public void dropped(String channel) {
        channels.remove(channel);
    }

    @Override
    public void warn(String channel, ProtocolException problem) {
        add(channel, false, 0, frames.error(null, channel, problem));
    }

    @Override
    public void revoked(String channel, ProtocolException reason) {
        channels.remove(channel);
        warn(channel, reason);
    }

    @Override
    public Uni<Void> awaitCapacity(int count) {
        int wanted = Math.min(count, capacity);
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            if (closed || broken) {
                future.completeExceptionally(ProtocolException.unavailable("The poll session is gone"));
            } else if (strict + wanted <= capacity) {
                future.complete(null);
            } else {
                capacityWaiters.add(new Waiter(wanted, future));
            }
        }
        return Uni.createFrom().completionStage(future);
    }

    /** The next poll answers with reconnect; the session is dropped by the drain's end anyway. */
    @Override
    public Uni<Void> drain(String reason, long afterMs) {
        add(null, false, 0, frames.reconnect(reason, afterMs));
        return Uni.createFrom().voidItem();
    }

    private void add(String channel, boolean conflatable, long seq, String json) {
        CompletableFuture<Void> wake;
        List<Waiter> failed = List.of();
        synchronized (this) {
            if (closed || broken) {
                return;
            }
            if (conflatable) {
                Entry pending = pendingTicks.get(channel);
                if (pending != null && pending.index > handedOut) {
                    pending.seq = seq;
                    pending.json = json;
                    return;
                }
                Entry entry = new Entry(nextIndex++, channel, true, seq, json);
                pendingTicks.put(channel, entry);
                entries.add(entry);
            } else if (strict >= capacity) {
                broken = true;
                entries.clear();
                pendingTicks.clear();
                strict = 0;
                failed = List.copyOf(capacityWaiters);
                capacityWaiters.clear();
            } else {
                entries.add(new Entry(nextIndex++, channel, false, seq, json));
                strict++;
            }
            wake = ready;
            ready = null;
        }
        failed.forEach(waiter -> waiter.future().completeExceptionally(
                ProtocolException.unavailable("The poll session overflowed")));
        if (wake != null) {
            wake.complete(null);
        }
    }

    /** Completes once there is something after {@code ack} (or the session broke or closed); replaces an older wait. */
    CompletableFuture<Void> readyAfter(long ack) {
        CompletableFuture<Void> previous;
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            ack = Math.min(ack, handedOut);
            previous = ready;
            ready = null;
            if (closed || broken || (!entries.isEmpty() && entries.peekLast().index > ack)) {
                future.complete(null);
            } else {
                ready = future;
            }
        }
        if (previous != null) {
            previous.complete(null);
        }
        return future;
    }

    /** Drops what {@code ack} acknowledges and hands out up to {@code max} frames after it; null when broken. */
    Batch take(long ack, int max) {
        List<Entry> taken = new ArrayList<>();
        List<CompletableFuture<Void>> roomy = new ArrayList<>();
        long last;
        synchronized (this) {
            if (broken || closed) {
                return null;
            }
            // A cursor cannot acknowledge what was never handed out.
            ack = Math.min(ack, handedOut);
            while (!entries.isEmpty() && entries.peekFirst().index <= ack) {
                Entry done = entries.pollFirst();
                if (done.conflatable) {
                    pendingTicks.remove(done.channel, done);
                } else {
                    strict--;
                }
            }
            for (Iterator<Entry> it = entries.iterator(); it.hasNext() && taken.size() < max;) {
                taken.add(it.next());
            }
            last = taken.isEmpty() ? Math.max(ack, 0) : taken.get(taken.size() - 1).index;
            handedOut = Math.max(handedOut, last);
            for (Iterator<Waiter> it = capacityWaiters.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                if (strict + waiter.frames() <= capacity) {
                    roomy.add(waiter.future());
                    it.remove();
                }
            }
        }
        roomy.forEach(future -> future.complete(null));
        return new Batch(taken, last);
    }

    /** Ends the session: a waiting poll returns, a replay waiting for room stops. */
    void close() {
        CompletableFuture<Void> wake;
        List<Waiter> failed;
        synchronized (this) {
            closed = true;
            entries.clear();
            pendingTicks.clear();
            wake = ready;
            ready = null;
            failed = List.copyOf(capacityWaiters);
            capacityWaiters.clear();
        }
        failed.forEach(waiter -> waiter.future().completeExceptionally(
                ProtocolException.unavailable("The poll session is closed")));
        if (wake != null) {
            wake.complete(null);
        }
    }

    synchronized boolean isBroken() {
        return broken;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    Set<String> requested() {
        return requested;
    }

    Set<String> channels() {
        return channels;
    }

    Map<String, Long> introPositions() {
        return introPositions;
    }

    void pollStarted() {
        polling.incrementAndGet();
        lastPollNanos = System.nanoTime();
    }

    void pollEnded() {
        polling.decrementAndGet();
        lastPollNanos = System.nanoTime();
    }

    boolean idleLongerThan(long nanos) {
        return polling.get() == 0 && System.nanoTime() - lastPollNanos > nanos;
    }
}
