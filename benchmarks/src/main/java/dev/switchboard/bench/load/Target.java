package dev.switchboard.bench.load;

import dev.switchboard.bench.auth.TokenPool;

/**
 * A server under test: where its WebSocket endpoint is, how frames are wrapped, how clients authenticate
 * (tokens == null: no auth; the token goes in the URL's access_token, or with tokenInFrame in a first "auth" frame),
 * its process id for memory readings (0: unknown), and whether it fills gaps on subscribe with since (only
 * Switchboard does; the peers answer subscribed and carry on live).
 */
public record Target(String name, String host, int port, String path, Dialect dialect, TokenPool tokens,
        boolean tokenInFrame, long serverPid, boolean resumes) {

    public String uriFor(int connection) {
        String uri = dialect.uri(path);
        if (tokens == null || tokenInFrame) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "access_token=" + tokens.forConnection(connection);
    }

    /** The protocol's first-frame authentication for this connection, or null when the token is in the URL. */
    public String authFrame(int connection) {
        if (tokens == null || !tokenInFrame) {
            return null;
        }
        // A JWT is base64url and dots only: nothing in it needs JSON escaping.
        return "{\"type\":\"auth\",\"token\":\"" + tokens.forConnection(connection) + "\"}";
    }

    public boolean authenticates() {
        return tokens != null;
    }
}
