package dev.switchboard.contracts.presence;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A user present in a channel, as listed in presence diffs and reads. */
@RegisterForReflection
public record PresenceMember(String userId, JsonNode meta) {
}
