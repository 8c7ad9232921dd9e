package dev.switchboard.presence.topology;

import java.util.Optional;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.TypingEvent;

/**
 * Rejects malformed events from gateways before they reach the stores. Each check answers why an event is refused,
 * or empty when it is fine; refused events are logged and dropped, never fatal.
 */
public final class InputChecks {

    public static final String ROOM_PREFIX = "room:";
    private static final int MAX_OPAQUE_ID = 256;

    private InputChecks() {
    }

    public static boolean isRoomChannel(String channel) {
        return channel != null && channel.startsWith(ROOM_PREFIX) && Ids.isValid(channel.substring(ROOM_PREFIX.length()));
    }

    public static Optional<String> connection(String key, ConnectionEvent event) {
        if (event.kind() == null) {
            return Optional.of("kind is missing");
        }
        return firstProblem(
                channel(key, event.channel()),
                user(event.userId()),
                opaque("connectionId", event.connectionId()),
                opaque("gatewayId", event.gatewayId()));
    }

    public static Optional<String> typing(String key, TypingEvent event) {
        return firstProblem(channel(key, event.channel()), user(event.userId()));
    }

    public static Optional<String> heartbeat(GatewayHeartbeat heartbeat) {
        return opaque("gatewayId", heartbeat.gatewayId());
    }

    private static Optional<String> channel(String key, String channel) {
        if (!isRoomChannel(channel)) {
            return Optional.of("channel must be room:{id} with {id} matching " + Ids.ID_PATTERN);
        }
        if (!channel.equals(key)) {
            // A record keyed differently sits on another partition than the rest of its channel's state.
            return Optional.of("record key must equal the channel");
        }
        return Optional.empty();
    }

    private static Optional<String> user(String userId) {
        return Ids.isValid(userId) ? Optional.empty() : Optional.of("userId must match " + Ids.ID_PATTERN);
    }

    private static Optional<String> opaque(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_OPAQUE_ID) {
            return Optional.of(field + " must be 1.." + MAX_OPAQUE_ID + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(field + " must not contain control characters");
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> firstProblem(Optional<String>... checks) {
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
