package dev.switchboard.contracts;

import java.util.Map;

/** How a topic is created: its partition count and whether it is compacted (a latest-value snapshot). */
public record TopicSpec(String name, int partitions, boolean compacted) {

    /**
     * Segment age of a compacted topic. Kafka compacts only rolled segments, and by default a segment rolls after a
     * week: every restart of a reader (ticker-service's seq recovery, the gateway's snapshot bootstrap) then read a
     * week of values, one per tick, to learn a handful of latest ones. A minute bounds that to a minute of values.
     */
    public static final long COMPACTED_SEGMENT_MS = 60_000;

    public static TopicSpec deleting(String name, int partitions) {
        return new TopicSpec(name, partitions, false);
    }

    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true);
    }

    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }

    /** The topic-level settings the topic is created (or brought up to date) with. */
    public Map<String, String> configs() {
        return compacted
                ? Map.of("cleanup.policy", cleanupPolicy(), "segment.ms", Long.toString(COMPACTED_SEGMENT_MS))
                : Map.of("cleanup.policy", cleanupPolicy());
    }
}
