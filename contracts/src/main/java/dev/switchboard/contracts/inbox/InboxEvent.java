package dev.switchboard.contracts.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something for one user's private channel {@code user:{to}}, on {@code user.inbox}, keyed by {@code to}. Every gateway
 * replica reads it and delivers it to that user's local connections.
 *
 * @param kind SIGNAL (WebRTC signaling from another user) or NOTIFICATION (from the platform)
 * @param from the sending user; null for platform notifications
 */
@RegisterForReflection
public record InboxEvent(Kind kind, String to, String from, JsonNode data, long ts) {

    public enum Kind {
        SIGNAL, NOTIFICATION
    }
}
