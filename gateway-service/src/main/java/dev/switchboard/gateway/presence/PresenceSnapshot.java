package dev.switchboard.gateway.presence;

import java.util.List;

import dev.switchboard.contracts.presence.PresenceMember;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** presence-service's answer to GET /v1/rooms/{id}/presence (internal API). */
@RegisterForReflection
public record PresenceSnapshot(String channel, int count, List<PresenceMember> members, boolean sampled) {

    public List<PresenceMember> membersOrEmpty() {
        return members == null ? List.of() : members;
    }
}
