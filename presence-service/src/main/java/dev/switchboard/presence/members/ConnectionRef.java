package dev.switchboard.presence.members;

/** Where one connection of a gateway is present. */
public record ConnectionRef(String channel, String userId, String connectionId) {
}
