package dev.switchboard.presence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The rules as the service loads them: found through META-INF/services, run when the mapping is built. */
class PresenceConfigRulesTest {

    private static PresenceConfig build(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .addDiscoveredCustomizers()
                // Quarkus' own duration format ("250ms"), as the service reads it
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PresenceConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build()
                .getConfigMapping(PresenceConfig.class);
    }

    @Test
    void theDefaultsAreWithinBounds() {
        PresenceConfig config = build(Map.of());
        assertEquals(Duration.ofMillis(250), config.smallRoomDiffWindow());
        assertEquals(Duration.ofSeconds(10), config.lease().defaultLease());
        assertEquals(Duration.ofSeconds(6), config.typing().expiry());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        ConfigValidationException thrown = assertThrows(ConfigValidationException.class, () -> build(Map.of(
                "switchboard.presence.sample-size", "1001",
                "switchboard.presence.small-room-diff-window", "6s",
                "switchboard.presence.lease.clock-tolerance", "100ms",
                "switchboard.presence.typing.check-interval", "5ms")));
        String message = thrown.getMessage();
        assertEquals(4, thrown.getProblemCount(), message);
        assertTrue(message.contains("switchboard.presence.sample-size must be between 1 and 1000 (is 1001)"), message);
        assertTrue(message.contains("switchboard.presence.small-room-diff-window must be between PT0S and PT5S (is PT6S)"),
                message);
        assertTrue(message.contains("switchboard.presence.lease.clock-tolerance must be between PT0.5S and PT7S (is PT0.1S)"),
                message);
        assertTrue(message.contains("switchboard.presence.typing.check-interval must be between PT0.01S and PT2S (is PT0.005S)"),
                message);
    }
}
