package dev.switchboard.gateway.protocol;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every frame type of the public protocol as shipped, by direction. docs/asyncapi.yaml and docs/protocol.md are
 * checked against this list (and this list against the frame builders and the WebSocket dispatcher) by a test, so
 * adding a frame type means adding it here and documenting it.
 */
public enum FrameType {
    // client to server
    AUTH("auth", Direction.CLIENT),
    SUBSCRIBE("subscribe", Direction.CLIENT),
    UNSUBSCRIBE("unsubscribe", Direction.CLIENT),
    PUBLISH("publish", Direction.CLIENT),
    TYPING_REQUEST("typing", Direction.CLIENT),
    SIGNAL_REQUEST("signal", Direction.CLIENT),
    PING("ping", Direction.CLIENT),
    // server to client
    WELCOME("welcome", Direction.SERVER),
    SUBSCRIBED("subscribed", Direction.SERVER),
    ACK("ack", Direction.SERVER),
    MESSAGE("message", Direction.SERVER),
    TICK("tick", Direction.SERVER),
    PRESENCE("presence", Direction.SERVER),
    TYPING("typing", Direction.SERVER),
    SIGNAL("signal", Direction.SERVER),
    NOTIFICATION("notification", Direction.SERVER),
    ERROR("error", Direction.SERVER),
    RECONNECT("reconnect", Direction.SERVER),
    PONG("pong", Direction.SERVER);

    public enum Direction {
        CLIENT, SERVER
    }

    private final String wire;
    private final Direction direction;

    FrameType(String wire, Direction direction) {
        this.wire = wire;
        this.direction = direction;
    }

    public String wire() {
        return wire;
    }

    public Direction direction() {
        return direction;
    }

    /** The wire names of one direction's frame types. */
    public static Set<String> wireNames(Direction direction) {
        return Arrays.stream(values()).filter(type -> type.direction == direction).map(FrameType::wire)
                .collect(Collectors.toUnmodifiableSet());
    }
}
