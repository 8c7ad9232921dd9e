package dev.switchboard.contracts.presence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Who is present in a room, as answered by presence-service on {@code GET /v1/rooms/{id}/presence}.
 *
 * @param count   the number of distinct users present
 * @param members the present users; all of them unless {@code sampled}
 * @param sampled true when {@code members} is a bounded part of a larger room
 */
@RegisterForReflection
public record RoomPresence(String channel, int count, List<Member> members, boolean sampled) {

    /**
     * @param connections how many connections (tabs, devices) the user has in the room
     */
    @RegisterForReflection
    public record Member(String userId, JsonNode meta, int connections) {
    }
}
