package dev.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The tick path's closed loop: quotes (their t0 and publisher) waiting for a tick at least as new as themselves to
 * reach a subscriber. Ticks conflate, so one tick may stand for many quotes, and every quote it covers gives its
 * publisher's credit back. Thread-safe: quotes are sent from the publishers' loops, ticks arrive on the subscriber's.
 */
final class TickPacing {

    private final PriorityQueue<long[]> outstanding = new PriorityQueue<>(Comparator.comparingLong(q -> q[0]));

    synchronized void sent(long t0, int publisher) {
        outstanding.add(new long[] { t0, publisher });
    }

    /**
     * Drops one refused quote; false if a tick has released it already. One: the same publisher may have two quotes
     * of the same microsecond waiting, each with its own credit.
     */
    synchronized boolean forget(long t0, int publisher) {
        for (Iterator<long[]> it = outstanding.iterator(); it.hasNext();) {
            long[] q = it.next();
            if (q[0] == t0 && q[1] == publisher) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** A tick carrying t0 reached the subscriber: the publishers of every quote it covers, one entry per quote. */
    synchronized List<Integer> released(long tickT0) {
        List<Integer> publishers = new ArrayList<>();
        while (!outstanding.isEmpty() && outstanding.peek()[0] <= tickT0) {
            publishers.add((int) outstanding.poll()[1]);
        }
        return publishers;
    }
}
