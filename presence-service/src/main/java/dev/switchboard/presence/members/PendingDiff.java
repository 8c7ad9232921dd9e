package dev.switchboard.presence.members;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.switchboard.contracts.presence.PresenceMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A room's changes since its last diff, waiting for its window to end. A window with no changes (yet) marks that the
 * room had a diff lately.
 *
 * @param joins   who joined within the window and is still there, with their latest meta
 * @param leaves  who was there before the window and left within it; someone who came back is in {@code joins} too
 *                (and goes out as a join only: their meta may have changed)
 * @param exact   the lists hold every change, none was refused for want of room. Records written before small rooms
 *                were coalesced lack it (false): they were large rooms' samples
 * @param flushAt when the window ends, epoch ms by the clock of the instance that opened it. Records written before
 *                windows existed lack it (0): due at once
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingDiff(List<PresenceMember> joins, List<PresenceMember> leaves, boolean exact, long flushAt) {

    public PendingDiff {
        joins = joins == null ? List.of() : joins;
        leaves = leaves == null ? List.of() : leaves;
    }

    /** A window without changes so far. */
    public static PendingDiff window(long flushAt) {
        return new PendingDiff(List.of(), List.of(), true, flushAt);
    }

    /**
     * Adds first joins and last leaves, in this order, keeping at most {@code limit} of each. Someone who joins and
     * leaves within the window drops out; someone who leaves and comes back is a join.
     */
    public PendingDiff with(List<PresenceMember> joined, List<PresenceMember> left, int limit) {
        List<PresenceMember> newJoins = new ArrayList<>(joins);
        List<PresenceMember> newLeaves = new ArrayList<>(leaves);
        boolean complete = exact;
        for (PresenceMember member : joined) {
            if (!put(newJoins, member, limit)) {
                // No room to show them back, so their leave must not be shown either.
                newLeaves.removeIf(same(member));
                complete = false;
            }
        }
        for (PresenceMember member : left) {
            // A join within the window is withdrawn. If a leave came before that join (they were there before the
            // window), the leave stands.
            boolean withdrawn = newJoins.removeIf(same(member));
            if (!withdrawn && !put(newLeaves, member, limit)) {
                complete = false;
            }
        }
        return new PendingDiff(newJoins, newLeaves, complete, flushAt);
    }

    public boolean hasChanges() {
        return !joins.isEmpty() || !leaves.isEmpty();
    }

    /** Who left and did not come back. */
    public List<PresenceMember> departed() {
        return leaves.stream().filter(m -> joins.stream().noneMatch(same(m))).toList();
    }

    /** Replaces a member already listed (the latest meta wins); adds one when there is room. */
    private static boolean put(List<PresenceMember> members, PresenceMember member, int limit) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).userId().equals(member.userId())) {
                members.set(i, member);
                return true;
            }
        }
        if (members.size() >= limit) {
            return false;
        }
        members.add(member);
        return true;
    }

    private static Predicate<PresenceMember> same(PresenceMember member) {
        return m -> m.userId().equals(member.userId());
    }
}
