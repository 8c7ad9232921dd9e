package dev.switchboard.gateway.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** chat-service's answer to GET /v1/rooms/{id}/access?userId=U (internal API). */
@RegisterForReflection
public record RoomAccess(String roomId, boolean exists, String visibility, boolean member, String role, long latestSeq) {

    public boolean isPrivate() {
        return "PRIVATE".equalsIgnoreCase(visibility);
    }
}
