package dev.switchboard.presence.typing;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user typing in a channel.
 *
 * @param expiresAt   when the indicator ends unless refreshed (wall clock, epoch ms)
 * @param announcedAt when active:true was last sent out for this user (0 in aggregated rooms)
 */
@RegisterForReflection
public record TypingState(long expiresAt, long announcedAt) {
}
