package dev.switchboard.chat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServiceConfig;

/** The rules as the service loads them: found through META-INF/services, run when the mapping is built. */
class ChatConfigRulesTest {

    @Test
    void theDefaultsAreWithinBounds() {
        ChatConfig config = ServiceConfig.build(Map.of(), ChatConfig.class).getConfigMapping(ChatConfig.class);
        assertEquals(4000, config.maxTextLength());
        assertEquals("chat-service", config.commands().groupId());
        assertEquals(20_000, config.outbox().vacuumAfter());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        assertEquals(List.of(
                "switchboard.chat.max-text-length must be between 1 and 100000 (is 0)",
                "switchboard.chat.history.max-limit must be between 1 and 10000 (is 10001)",
                "switchboard.chat.commands.group-id must not be blank (is  )",
                "switchboard.chat.outbox.vacuum-after must be between 0 and 100000000 (is -1)"),
                ServiceConfig.problems(Map.of(
                        "switchboard.chat.max-text-length", "0",
                        "switchboard.chat.history.max-limit", "10001",
                        "switchboard.chat.commands.group-id", " ",
                        "switchboard.chat.outbox.vacuum-after", "-1"), ChatConfig.class));
    }
}
