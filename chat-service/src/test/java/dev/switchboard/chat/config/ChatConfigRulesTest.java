package dev.switchboard.chat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The rules as the service loads them: found through META-INF/services, run when the mapping is built. */
class ChatConfigRulesTest {

    private static ChatConfig build(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredCustomizers()
                // Quarkus' own duration format ("200ms"), as the service reads it
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ChatConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
        return config.getConfigMapping(ChatConfig.class);
    }

    @Test
    void theDefaultsAreWithinBounds() {
        ChatConfig config = build(Map.of());
        assertEquals(4000, config.maxTextLength());
        assertEquals("chat-service", config.commands().groupId());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        ConfigValidationException thrown = assertThrows(ConfigValidationException.class, () -> build(Map.of(
                "switchboard.chat.max-text-length", "0",
                "switchboard.chat.history.max-limit", "10001",
                "switchboard.chat.commands.group-id", " ")));
        String message = thrown.getMessage();
        assertEquals(3, thrown.getProblemCount(), message);
        assertTrue(message.contains("switchboard.chat.max-text-length must be between 1 and 100000 (is 0)"), message);
        assertTrue(message.contains("switchboard.chat.history.max-limit must be between 1 and 10000 (is 10001)"), message);
        assertTrue(message.contains("switchboard.chat.commands.group-id must not be blank"), message);
    }
}
