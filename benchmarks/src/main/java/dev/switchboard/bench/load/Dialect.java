package dev.switchboard.bench.load;

/**
 * How JSON frames travel on the wire. PLAIN is protocol v1 (one JSON object per text frame), spoken by the
 * gateway, the Node ws peer and the raw Vert.x peer. SOCKETIO wraps the same objects as the Socket.IO event
 * "frame" over the Engine.IO v4 websocket transport ("42[\"frame\",{...}]"), so one generator drives all.
 */
public enum Dialect {
    PLAIN,
    SOCKETIO;

    private static final String EVENT_PREFIX = "42[\"frame\",";

    public String uri(String path) {
        return this == SOCKETIO ? "/socket.io/?EIO=4&transport=websocket" : path;
    }

    public String wrap(String json) {
        return this == SOCKETIO ? EVENT_PREFIX + json + "]" : json;
    }

    /** The JSON object a text frame carries, or null for transport control packets. */
    public String unwrap(String text) {
        if (this == PLAIN) {
            return text;
        }
        if (text.startsWith(EVENT_PREFIX) && text.endsWith("]")) {
            return text.substring(EVENT_PREFIX.length(), text.length() - 1);
        }
        return null;
    }

    public static Dialect parse(String s) {
        return switch (s.toLowerCase()) {
            case "plain", "ws" -> PLAIN;
            case "socketio", "socket.io" -> SOCKETIO;
            default -> throw new IllegalArgumentException("unknown dialect " + s + " (plain, socketio)");
        };
    }
}
