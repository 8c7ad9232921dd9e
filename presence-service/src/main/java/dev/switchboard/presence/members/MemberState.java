package dev.switchboard.presence.members;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One user present in one channel.
 *
 * @param meta        what others see of the user (from the latest join)
 * @param connections gateway id of each of the user's connections, by connection id
 */
@RegisterForReflection
public record MemberState(JsonNode meta, Map<String, String> connections) {
}
