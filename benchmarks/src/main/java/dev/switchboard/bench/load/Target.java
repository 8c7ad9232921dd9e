package dev.switchboard.bench.load;

import dev.switchboard.bench.auth.TokenPool;

/**
 * A server under test: where its WebSocket endpoint is, how frames are wrapped, how clients authenticate
 * (tokens == null: no auth), its process id for memory readings (0: unknown), and whether it fills gaps on
 * subscribe with since (only Switchboard does; the peers answer subscribed and carry on live).
 */
public record Target(String name, String host, int port, String path, Dialect dialect, TokenPool tokens,
        long serverPid, boolean resumes) {

    public String uriFor(int connection) {
        String uri = dialect.uri(path);
        if (tokens == null) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "access_token=" + tokens.forConnection(connection);
    }

    public boolean authenticates() {
        return tokens != null;
    }
}
