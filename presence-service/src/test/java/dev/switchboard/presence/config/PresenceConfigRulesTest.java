package dev.switchboard.presence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServiceConfig;

/** The rules as the service loads them: found through META-INF/services, run when the mapping is built. */
class PresenceConfigRulesTest {

    @Test
    void theDefaultsAreWithinBounds() {
        PresenceConfig config = ServiceConfig.build(Map.of(), PresenceConfig.class).getConfigMapping(PresenceConfig.class);
        assertEquals(Duration.ofMillis(250), config.smallRoomDiffWindow());
        assertEquals(Duration.ofSeconds(10), config.lease().defaultLease());
        assertEquals(Duration.ofSeconds(6), config.typing().expiry());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        assertEquals(List.of(
                "switchboard.presence.sample-size must be between 1 and 1000 (is 1001)",
                "switchboard.presence.small-room-diff-window must be between PT0S and PT5S (is PT6S)",
                "switchboard.presence.lease.clock-tolerance must be between PT0.5S and PT7S (is PT0.1S)",
                "switchboard.presence.typing.check-interval must be between PT0.01S and PT2S (is PT0.005S)"),
                ServiceConfig.problems(Map.of(
                        "switchboard.presence.sample-size", "1001",
                        "switchboard.presence.small-room-diff-window", "6s",
                        "switchboard.presence.lease.clock-tolerance", "100ms",
                        "switchboard.presence.typing.check-interval", "5ms"), PresenceConfig.class));
    }
}
