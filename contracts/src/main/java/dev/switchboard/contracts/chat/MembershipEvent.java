package dev.switchboard.contracts.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A room creation or membership change, on {@code chat.membership}, keyed by room. Gateways drop their cached
 * authorization for the room when they see one.
 *
 * @param userId null for ROOM_CREATED
 * @param role   member or moderator; null for ROOM_CREATED and REMOVED
 */
@RegisterForReflection
public record MembershipEvent(
        Kind kind,
        String roomId,
        Visibility visibility,
        String userId,
        String role,
        long ts) {

    public enum Kind {
        ROOM_CREATED, ADDED, REMOVED, ROLE_CHANGED
    }

    public enum Visibility {
        PUBLIC, PRIVATE
    }
}
