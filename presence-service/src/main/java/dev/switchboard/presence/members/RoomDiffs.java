package dev.switchboard.presence.members;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.topology.PresenceOutput;

/**
 * Turns first joins and last leaves into PresenceDiffs, at a pace each room's members can take.
 * <ul>
 * <li>Small rooms: a change goes out at once, as an exact diff, when the room had no diff within the last window;
 * that opens a window, and what changes within it goes out as one exact diff when it ends (which opens the next one).
 * A reconnect storm, everyone dropped at once and back a moment later, is then a few frames per member rather than
 * one per user who came and went.</li>
 * <li>Large rooms: no diff at once; the changes go out as one sampled diff, with the count, at the next flush and
 * then at most once per interval: thousands of users coming and going must not become thousands of frames per second
 * for every member.</li>
 * </ul>
 * A room with a window open (pending changes or not) keeps collecting until it is flushed, even if it crosses the
 * threshold meanwhile, so its diffs never overtake each other. A diff is sampled when its room is large or its
 * changes did not all fit.
 */
final class RoomDiffs {

    private final KeyValueStore<String, PendingDiff> pending;
    private final Membership membership;
    private final ProcessorContext<String, PresenceOutput> context;
    private final DiffPacing pacing;
    /**
     * No window ends before this: until then a flush need not read the store. Unknown (the minimum) until the first
     * flush has read it, since the store may have been restored with windows open.
     */
    private long nextFlushAt = Long.MIN_VALUE;

    RoomDiffs(KeyValueStore<String, PendingDiff> pending, Membership membership, ProcessorContext<String, PresenceOutput> context,
            DiffPacing pacing) {
        this.pending = pending;
        this.membership = membership;
        this.context = context;
        this.pacing = pacing;
    }

    /** @param now the time the diff is stamped with */
    void changed(String channel, List<PresenceMember> joins, List<PresenceMember> leaves, long now) {
        if (joins.isEmpty() && leaves.isEmpty()) {
            return;
        }
        int count = membership.count(channel);
        PendingDiff waiting = pending.get(channel);
        // Windows run on this instance's clock, never on a record's time: a writer's clock far ahead must not hold a
        // room's diffs back.
        long clock = context.currentSystemTimeMs();
        if (waiting == null && !pacing.isLarge(count)) {
            forward(new PresenceDiff(channel, joins, leaves, count, false, now));
            openWindow(channel, clock, pacing.smallRoomWindowMs());
            return;
        }
        // A large room with nothing pending had no diff for an interval: its changes go at the next flush.
        PendingDiff base = waiting == null ? PendingDiff.window(clock) : waiting;
        put(channel, base.with(joins, leaves, pacing.limit(count)));
    }

    /** Sends the changes of each room whose window ended, and opens the next window where it sent any. */
    void flush(long now) {
        // Punctuations run a little late: a window that ends a little after this one counts as ended, or it would
        // wait a whole period more.
        long horizon = now + pacing.flushPeriodMs() / 4;
        if (horizon < nextFlushAt) {
            return;
        }
        List<KeyValue<String, PendingDiff>> entries = new ArrayList<>();
        try (KeyValueIterator<String, PendingDiff> it = pending.all()) {
            it.forEachRemaining(entries::add);
        }
        nextFlushAt = Long.MAX_VALUE;
        for (KeyValue<String, PendingDiff> entry : entries) {
            PendingDiff diff = entry.value;
            if (diff.flushAt() > horizon && !setByAnotherClock(diff, now)) {
                nextFlushAt = Math.min(nextFlushAt, diff.flushAt());
            } else if (!diff.hasChanges()) {
                pending.delete(entry.key); // the window ended quietly: the room's next change goes out at once
            } else {
                int count = membership.count(entry.key);
                forward(toDiff(entry.key, diff, count, now));
                if (!openWindow(entry.key, now, pacing.windowMs(count))) {
                    pending.delete(entry.key);
                }
            }
        }
    }

    /** Further ahead than any window lasts: opened by another instance, whose clock ran ahead, before the partition moved here. */
    private boolean setByAnotherClock(PendingDiff diff, long now) {
        return diff.flushAt() > now + Math.max(pacing.smallRoomWindowMs(), pacing.largeRoomWindowMs());
    }

    private PresenceDiff toDiff(String channel, PendingDiff diff, int count, long now) {
        List<PresenceMember> joins = diff.joins();
        List<PresenceMember> leaves = diff.departed();
        boolean sampled = !diff.exact() || pacing.isLarge(count);
        if (sampled) {
            joins = first(joins, pacing.sampleSize());
            leaves = first(leaves, pacing.sampleSize());
        }
        return new PresenceDiff(channel, joins, leaves, count, sampled, now);
    }

    private static List<PresenceMember> first(List<PresenceMember> members, int n) {
        return members.size() <= n ? members : members.subList(0, n);
    }

    private boolean openWindow(String channel, long now, long windowMs) {
        if (windowMs <= 0) {
            return false;
        }
        put(channel, PendingDiff.window(now + windowMs));
        return true;
    }

    private void put(String channel, PendingDiff diff) {
        pending.put(channel, diff);
        nextFlushAt = Math.min(nextFlushAt, diff.flushAt());
    }

    private void forward(PresenceDiff diff) {
        context.forward(new Record<>(diff.channel(), PresenceOutput.of(diff), diff.ts()));
    }
}
