package dev.switchboard.gateway.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Origin allow-list (switchboard.gateway.allowed-origins) against cross-site WebSocket hijacking: a page of
 * another site must not open a socket or stream with a token it got hold of (or, behind a cookie-authenticating
 * proxy, with the user's cookies). Unset, every origin is allowed. A request without an Origin header is allowed:
 * browsers always send one on a WebSocket upgrade and a cross-site EventSource or fetch, so only non-browser clients
 * (backends, apps) omit it, and they are not what this protects against.
 */
@ApplicationScoped
public class OriginPolicy {

    private final Set<String> allowed;

    public OriginPolicy(GatewayConfig config) {
        this.allowed = config.allowedOrigins().map(OriginPolicy::normalized).orElse(null);
    }

    /** Whether a request with this Origin header (null: none) may connect. */
    public boolean allows(String origin) {
        return allowed == null || origin == null || allowed.contains(normalize(origin));
    }

    /** A forbidden ProtocolException unless {@link #allows}. */
    public void check(String origin) {
        if (!allows(origin)) {
            throw ProtocolException.forbidden("Connections from this Origin are not allowed");
        }
    }

    private static Set<String> normalized(List<String> origins) {
        return origins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Scheme and host are case-insensitive; an operator's trailing slash is forgiven. */
    private static String normalize(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
