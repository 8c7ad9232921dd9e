package dev.switchboard.gateway.fanout;

import java.util.ArrayDeque;

/**
 * One subscriber on one channel, with the gate that makes resume exact: until {@link #tryGoLive()} succeeds, live
 * events are held back while history is replayed; sequenced events at or below the last delivered seq are dropped,
 * so the subscriber sees every seq once, in order. A live room event that skips a seq closes the gate again and asks
 * for the missing range ({@link #needsCatchUp()}).
 */
public final class Membership {

    private final Subscriber subscriber;
    private final String channel;
    private final boolean gapChecked;
    private final int bufferLimit;
    /** Null unless events are held: a membership is live for most of its life, and idle ones should cost little. */
    private ArrayDeque<ChannelEvent> held;
    private boolean live;
    private boolean positioned;
    private boolean heldOverflowed;
    private boolean catchUpRequested;
    private long lastSeq;

    Membership(Subscriber subscriber, String channel, boolean gapChecked, int bufferLimit) {
        this.subscriber = subscriber;
        this.channel = channel;
        this.gapChecked = gapChecked;
        this.bufferLimit = bufferLimit;
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public String channel() {
        return channel;
    }

    /** A live event from the fan-out. Returns true when a gap was detected and a catch-up must be started. */
    synchronized boolean offer(ChannelEvent event) {
        if (!live) {
            hold(event);
            return false;
        }
        if (gapChecked && positioned && event.sequenced() && event.seq() > lastSeq + 1) {
            live = false;
            hold(event);
            if (!catchUpRequested) {
                catchUpRequested = true;
                return true;
            }
            return false;
        }
        pass(event);
        return false;
    }

    private void hold(ChannelEvent event) {
        if (held == null) {
            held = new ArrayDeque<>();
        }
        if (held.size() >= bufferLimit) {
            // Replay re-reads the range from durable history instead of holding it here.
            held.clear();
            heldOverflowed = true;
        }
        held.add(event);
    }

    /** Starts the seq gate at a known position: events with a seq at or below it are not delivered. */
    public synchronized void positionAt(long seq) {
        lastSeq = Math.max(lastSeq, seq);
        positioned = true;
    }

    /** A replayed (history or snapshot) event: delivered unless already seen. */
    public synchronized void replay(ChannelEvent event) {
        pass(event);
        positioned = true;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    /**
     * Delivers what was held and opens the gate, unless the held events do not continue from the last delivered seq
     * (then history must be read further first, and false is returned).
     */
    public synchronized boolean tryGoLive() {
        if (gapChecked && positioned) {
            if (heldOverflowed) {
                heldOverflowed = false;
                return false;
            }
            ChannelEvent firstSequenced = held == null ? null : held.stream().filter(ChannelEvent::sequenced)
                    .filter(e -> e.seq() > lastSeq).findFirst().orElse(null);
            if (firstSequenced != null && firstSequenced.seq() > lastSeq + 1) {
                return false;
            }
        }
        goLive();
        return true;
    }

    /** Opens the gate without any seq check (history could not be read: best effort from now on). */
    public synchronized void goLiveUnchecked() {
        positioned = false;
        goLive();
    }

    private void goLive() {
        heldOverflowed = false;
        if (held != null) {
            while (!held.isEmpty()) {
                pass(held.poll());
            }
            held = null;
        }
        live = true;
        catchUpRequested = false;
    }

    public synchronized boolean needsCatchUp() {
        return catchUpRequested;
    }

    private void pass(ChannelEvent event) {
        if (event.sequenced()) {
            if (positioned && event.seq() <= lastSeq) {
                return;
            }
            lastSeq = event.seq();
        }
        subscriber.deliver(event);
    }
}
