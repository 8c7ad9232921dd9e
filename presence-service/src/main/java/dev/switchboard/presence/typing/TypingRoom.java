package dev.switchboard.presence.typing;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A room whose typing is aggregated.
 *
 * @param dirty  the set of typing users changed since the last update
 * @param sentAt when the last aggregated update went out
 */
@RegisterForReflection
public record TypingRoom(boolean dirty, long sentAt) {
}
