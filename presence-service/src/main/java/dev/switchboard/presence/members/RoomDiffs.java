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
 * Turns first joins and last leaves into PresenceDiffs. Small rooms get one exact diff per change at once. Large
 * rooms collect their changes and get one sampled diff per interval, with the count: thousands of users coming and
 * going must not become thousands of frames per second for every member. A room that has changes pending keeps
 * collecting until they are flushed, so its diffs never overtake each other.
 */
final class RoomDiffs {

    private final KeyValueStore<String, PendingDiff> pending;
    private final Membership membership;
    private final ProcessorContext<String, PresenceOutput> context;
    private final int largeRoomThreshold;
    private final int sampleSize;

    RoomDiffs(KeyValueStore<String, PendingDiff> pending, Membership membership, ProcessorContext<String, PresenceOutput> context,
            int largeRoomThreshold, int sampleSize) {
        this.pending = pending;
        this.membership = membership;
        this.context = context;
        this.largeRoomThreshold = largeRoomThreshold;
        this.sampleSize = sampleSize;
    }

    void changed(String channel, List<PresenceMember> joins, List<PresenceMember> leaves, long now) {
        if (joins.isEmpty() && leaves.isEmpty()) {
            return;
        }
        int count = membership.count(channel);
        PendingDiff waiting = pending.get(channel);
        if (waiting == null && count <= largeRoomThreshold) {
            forward(new PresenceDiff(channel, joins, leaves, count, false, now));
            return;
        }
        pending.put(channel, (waiting == null ? PendingDiff.empty() : waiting).with(joins, leaves, sampleSize));
    }

    void flush(long now) {
        List<KeyValue<String, PendingDiff>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingDiff> it = pending.all()) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, PendingDiff> entry : due) {
            pending.delete(entry.key);
            forward(new PresenceDiff(entry.key, entry.value.joins(), entry.value.leaves(), membership.count(entry.key), true, now));
        }
    }

    private void forward(PresenceDiff diff) {
        context.forward(new Record<>(diff.channel(), PresenceOutput.of(diff), diff.ts()));
    }
}
