package dev.switchboard.contracts.presence;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One connection joining or leaving one channel, on {@code presence.connections}, keyed by channel
 * (for example {@code room:lobby}).
 *
 * @param meta JOIN: what others see of this user (for example a display name); may be null
 */
@RegisterForReflection
public record ConnectionEvent(
        Kind kind,
        String channel,
        String userId,
        String connectionId,
        String gatewayId,
        JsonNode meta,
        long ts) {

    public enum Kind {
        JOIN, LEAVE
    }
}
