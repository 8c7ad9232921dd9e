package dev.switchboard.chat.config;

import dev.switchboard.contracts.config.Bounds;
import dev.switchboard.contracts.config.ConfigRules;

/** The bounds of {@link ChatConfig}, checked when the configuration is built. */
public final class ChatConfigRules extends ConfigRules {

    @Override
    protected void check(Object mapping, Bounds bounds) {
        if (mapping instanceof ChatConfig chat) {
            bounds.between("max-text-length", chat.maxTextLength(), 1, 100_000)
                    .between("max-data-bytes", chat.maxDataBytes(), 64, 1_048_576)
                    .atLeast("history.default-limit", chat.history().defaultLimit(), 1)
                    .between("history.max-limit", chat.history().maxLimit(), 1, 10_000)
                    .atLeast("events.default-limit", chat.events().defaultLimit(), 1)
                    .between("events.max-limit", chat.events().maxLimit(), 1, 10_000)
                    .notBlank("commands.group-id", chat.commands().groupId())
                    .between("commands.max-poll-records", chat.commands().maxPollRecords(), 1, 10_000)
                    .atLeast("commands.attempts", chat.commands().attempts(), 1)
                    .between("outbox.batch-size", chat.outbox().batchSize(), 1, 50_000)
                    .between("outbox.vacuum-after", chat.outbox().vacuumAfter(), 0, 100_000_000);
        }
    }
}
