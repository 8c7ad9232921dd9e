package dev.switchboard.chat.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every tunable of chat-service, under {@code switchboard.chat}; {@link ChatConfigRules} has their bounds. */
@ConfigMapping(prefix = "switchboard.chat")
public interface ChatConfig {

    /** Longest message text, in characters (protocol-v1: 4000). */
    @WithDefault("4000")
    int maxTextLength();

    /** Largest message data object, serialized as JSON, in bytes. */
    @WithDefault("16384")
    int maxDataBytes();

    History history();

    Events events();

    Commands commands();

    Outbox outbox();

    Retention retention();

    interface History {
        /** Page size of GET /v1/rooms/{id}/messages when no limit is given. */
        @WithDefault("50")
        int defaultLimit();

        /** Larger limits are capped to this. */
        @WithDefault("200")
        int maxLimit();
    }

    interface Events {
        @WithDefault("100")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();
    }

    interface Commands {
        /** Start the chat.commands consumer with the application (tests of pure HTTP may turn it off). */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group shared by every chat-service replica: Kafka splits the rooms between them by partition. */
        @WithDefault("chat-service")
        String groupId();

        /** Commands handled in one database transaction, at most. */
        @WithDefault("500")
        int maxPollRecords();

        @WithDefault("200ms")
        Duration pollTimeout();

        /** Attempts of one batch transaction (deadlock, seq conflict during a rebalance) before going one by one. */
        @WithDefault("3")
        int attempts();

        /** Wait after a failure the database or broker caused, before the same records are tried again. */
        @WithDefault("1s")
        Duration retryBackoff();
    }

    interface Outbox {
        /** Outbox rows sent to Kafka per round. */
        @WithDefault("1000")
        int batchSize();

        /** Longest wait for a NOTIFY before looking at the outbox again anyway. */
        @WithDefault("500ms")
        Duration idlePoll();

        /** How often a replica that is not the relay tries to become it. */
        @WithDefault("2s")
        Duration leaderRetry();

        /**
         * The relay vacuums the outbox after deleting this many rows (and when it becomes the relay); 0 leaves it to
         * autovacuum. Every deleted row stays in the table and its index until a vacuum, and the relay's ordered scan
         * walks past all of them on every round.
         */
        @WithDefault("20000")
        int vacuumAfter();
    }

    interface Retention {
        /** How long messages are kept when the room sets nothing; absent means forever. */
        Optional<Duration> defaultPeriod();

        /** How often expired messages are removed. */
        @WithDefault("1m")
        Duration sweepInterval();
    }
}
