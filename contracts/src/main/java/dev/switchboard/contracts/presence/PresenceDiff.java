package dev.switchboard.contracts.presence;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A change of who is present in a channel, on {@code presence.diffs}, keyed by channel. Emitted only on a user's first
 * join and last leave. In large channels {@code joins} and {@code leaves} are a bounded sample and {@code sampled} is true.
 *
 * @param count the number of distinct users present after this change
 */
@RegisterForReflection
public record PresenceDiff(
        String channel,
        List<PresenceMember> joins,
        List<PresenceMember> leaves,
        int count,
        boolean sampled,
        long ts) {
}
