package dev.switchboard.contracts.presence;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A user's typing signal in a room, from a gateway, on {@code presence.typing}, keyed by channel. */
@RegisterForReflection
public record TypingEvent(String channel, String userId, String connectionId, String gatewayId, boolean active, long ts) {
}
