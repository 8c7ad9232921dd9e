package dev.switchboard.contracts;

import java.util.List;

/**
 * Every Kafka topic of the platform, with its key, partitioning and cleanup policy.
 * docs/architecture.md explains who writes and who reads each one.
 */
public final class Topics {

    /** Publish, edit and delete commands from gateways to chat-service. Key: room id. */
    public static final String CHAT_COMMANDS = "chat.commands";
    /** Committed chat events (created, edited, deleted) from chat-service to every gateway. Key: room id. */
    public static final String CHAT_EVENTS = "chat.events";
    /** Command outcomes (ack with seq, or rejection) from chat-service to the gateway that sent the command. Key: gateway id. */
    public static final String CHAT_REPLIES = "chat.replies";
    /** Room creation and membership changes, for gateway authorization caches. Key: room id. */
    public static final String CHAT_MEMBERSHIP = "chat.membership";
    /** Commands chat-service could not process, with the reason. Key: room id. */
    public static final String CHAT_COMMANDS_DLQ = "chat.commands.dlq";

    /** Connection joins and leaves per channel, from gateways. Key: channel. */
    public static final String PRESENCE_CONNECTIONS = "presence.connections";
    /**
     * Liveness lease of each gateway replica, written to every partition (key: gateway id), and presence-service's
     * clock ticks, also to every partition (key: the writing instance).
     */
    public static final String PRESENCE_HEARTBEATS = "presence.heartbeats";
    /** A gateway whose lease presence-service expired (its connections were removed), to every gateway. Key: gateway id. */
    public static final String PRESENCE_GATEWAY_EXPIRIES = "presence.gateway-expiries";
    /** Typing signals from gateways. Key: channel. */
    public static final String PRESENCE_TYPING = "presence.typing";
    /** Presence diffs (joins, leaves, counts) from presence-service to gateways. Key: channel. */
    public static final String PRESENCE_DIFFS = "presence.diffs";
    /** Typing updates (per user, or aggregated in large rooms) from presence-service to gateways. Key: channel. */
    public static final String PRESENCE_TYPING_UPDATES = "presence.typing-updates";

    /** Every live value from ticker-service. Key: symbol. */
    public static final String TICKER_TICKS = "ticker.ticks";
    /** Latest value per symbol, compacted. Key: symbol. */
    public static final String TICKER_SNAPSHOTS = "ticker.snapshots";
    /** OHLCV candles. Key: symbol. */
    public static final String TICKER_CANDLES = "ticker.candles";
    /**
     * ticker-service's own: at each clean stop, the ticker.ticks offsets below which every tick has its snapshot, so
     * the next start need not read the tail of ticker.ticks. Compacted, one partition. Key: "ticks".
     */
    public static final String TICKER_RECOVERY_CHECKPOINTS = "ticker.recovery-checkpoints";

    /** Private inbox traffic (WebRTC signals, notifications) for user:{id}. Key: target user id. */
    public static final String USER_INBOX = "user.inbox";

    /** Partition count of the topics keyed by room or channel; co-partitioned for Kafka Streams joins. */
    public static final int CHANNEL_PARTITIONS = 8;

    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.deleting(CHAT_COMMANDS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(CHAT_EVENTS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(CHAT_REPLIES, 4),
            TopicSpec.deleting(CHAT_MEMBERSHIP, CHANNEL_PARTITIONS),
            TopicSpec.deleting(CHAT_COMMANDS_DLQ, 1),
            TopicSpec.deleting(PRESENCE_CONNECTIONS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(PRESENCE_HEARTBEATS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(PRESENCE_GATEWAY_EXPIRIES, 1),
            TopicSpec.deleting(PRESENCE_TYPING, CHANNEL_PARTITIONS),
            TopicSpec.deleting(PRESENCE_DIFFS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(PRESENCE_TYPING_UPDATES, CHANNEL_PARTITIONS),
            TopicSpec.deleting(TICKER_TICKS, CHANNEL_PARTITIONS),
            TopicSpec.compacted(TICKER_SNAPSHOTS, CHANNEL_PARTITIONS),
            TopicSpec.deleting(TICKER_CANDLES, CHANNEL_PARTITIONS),
            TopicSpec.compacted(TICKER_RECOVERY_CHECKPOINTS, 1),
            TopicSpec.deleting(USER_INBOX, 4));

    private Topics() {
    }
}
