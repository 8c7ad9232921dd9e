package dev.switchboard.presence.members;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.presence.PresenceMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The changes of a large room since its last sampled diff: a bounded sample of who joined and who left. A user who
 * joins and leaves within one interval drops out of the sample.
 */
@RegisterForReflection
public record PendingDiff(List<PresenceMember> joins, List<PresenceMember> leaves) {

    public static PendingDiff empty() {
        return new PendingDiff(List.of(), List.of());
    }

    public PendingDiff with(List<PresenceMember> joined, List<PresenceMember> left, int sampleSize) {
        List<PresenceMember> newJoins = new ArrayList<>(joins);
        List<PresenceMember> newLeaves = new ArrayList<>(leaves);
        for (PresenceMember member : joined) {
            newLeaves.removeIf(m -> m.userId().equals(member.userId()));
            add(newJoins, member, sampleSize);
        }
        for (PresenceMember member : left) {
            if (!newJoins.removeIf(m -> m.userId().equals(member.userId()))) {
                add(newLeaves, member, sampleSize);
            }
        }
        return new PendingDiff(newJoins, newLeaves);
    }

    private static void add(List<PresenceMember> sample, PresenceMember member, int sampleSize) {
        if (sample.size() < sampleSize && sample.stream().noneMatch(m -> m.userId().equals(member.userId()))) {
            sample.add(member);
        }
    }
}
