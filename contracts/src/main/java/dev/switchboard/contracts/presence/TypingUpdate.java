package dev.switchboard.contracts.presence;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Who is typing in a channel, on {@code presence.typing-updates}, keyed by channel. In small channels one update per
 * change of one user ({@code userId}, {@code active}); in large ones a throttled aggregate with {@code typingCount}
 * and a bounded sample of {@code typingUsers}, and {@code userId} null.
 */
@RegisterForReflection
public record TypingUpdate(
        String channel,
        String userId,
        boolean active,
        int typingCount,
        List<String> typingUsers,
        boolean aggregated,
        long ts) {
}
