package dev.switchboard.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServiceConfig;

/** The rules as the service loads them: found through META-INF/services, run when the mapping is built. */
class GatewayConfigRulesTest {

    private static Map<String, String> withReplicaId(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        // the one setting without a default (application.properties gives it a random UUID)
        all.putIfAbsent("switchboard.gateway.replica-id", "7d3f5c1e-0b6a-4f2e-9a41-5c2d8e6b1f00");
        return all;
    }

    private static GatewayConfig build(Map<String, String> values) {
        return ServiceConfig.build(withReplicaId(values), GatewayConfig.class).getConfigMapping(GatewayConfig.class);
    }

    @Test
    void theDefaultsAreWithinBounds() {
        GatewayConfig config = build(Map.of());
        assertEquals(256, config.httpPoolSize());
        assertEquals(10.0, config.limits().publish().perSecond());
        assertEquals(Duration.ofSeconds(25), config.pingInterval());
        assertEquals(Optional.empty(), config.allowedOrigins());
    }

    @Test
    void originsWithSchemeHostPortAndTrailingSlashPass() {
        GatewayConfig config = build(Map.of("switchboard.gateway.allowed-origins",
                "https://app.example,http://Chat.Example:8443/"));
        assertEquals(2, config.allowedOrigins().orElseThrow().size());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        assertEquals(List.of(
                "switchboard.gateway.replica-id must be 1-100 letters, digits, '_', '.' or '-' (is replica 1)",
                "switchboard.gateway.http-pool-size must be between 1 and 4096 (is 4097)",
                "switchboard.gateway.allowed-origins must be an origin, http(s)://host[:port] with at most a trailing "
                        + "'/' (is https://app.example/path)",
                "switchboard.gateway.limits.bad-frames.per-second must be at least 0.0 (is -1.0)",
                "switchboard.gateway.presence.lease-ms must be at least 1000 (is 999)",
                "switchboard.gateway.transports.poll.max-wait-ms must be between 0 and 120000 (is 120001)"),
                ServiceConfig.problems(withReplicaId(Map.of(
                        "switchboard.gateway.replica-id", "replica 1",
                        "switchboard.gateway.http-pool-size", "4097",
                        "switchboard.gateway.allowed-origins", "https://app.example,https://app.example/path",
                        "switchboard.gateway.limits.bad-frames.per-second", "-1",
                        "switchboard.gateway.presence.lease-ms", "999",
                        "switchboard.gateway.transports.poll.max-wait-ms", "120001")), GatewayConfig.class));
    }
}
