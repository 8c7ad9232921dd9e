package dev.switchboard.contracts;

/** How a topic is created: its partition count and whether it is compacted (a latest-value snapshot). */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public static TopicSpec deleting(String name, int partitions) {
        return new TopicSpec(name, partitions, false);
    }

    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true);
    }

    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
