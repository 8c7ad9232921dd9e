package dev.switchboard.presence.leases;

/**
 * The time of one channel partition, as read from its partition of presence.heartbeats: the newest record time read
 * there, from presence-service's clock ticks (every second) and the gateways' heartbeats. Leases lapse by this clock,
 * not by the wall clock, so when the partition's feed stalls (a rebalance, a fetch that hangs, a backlog) its clock
 * stalls with it, and no gateway is judged from heartbeats that wait in Kafka rather than being missing. Because one
 * partition is one ordered log, a gateway whose lease lapses by a time read there had nothing read in between.
 * <p>
 * A time further ahead of this instance's clock than the tolerance comes from a writer whose clock is off: it moves
 * the clock only up to the tolerance, so one bad clock cannot lapse every lease at once.
 */
public final class PartitionClock {

    private final long toleranceMs;
    private long time;

    public PartitionClock(long toleranceMs) {
        this.toleranceMs = toleranceMs;
    }

    /** The newest time read; 0 before anything was read from the partition. */
    public long time() {
        return time;
    }

    /**
     * A record of presence.heartbeats was read.
     *
     * @param localTime this instance's clock (Kafka Streams caches it for a processing round, so it may be behind)
     */
    public void read(long recordTime, long localTime) {
        time = Math.max(time, believable(recordTime, localTime));
    }

    /**
     * Where a lease taken by a record from elsewhere (a JOIN on presence.connections) starts: the clock, or the record's
     * own time if that is later (nothing read from presence.heartbeats yet).
     */
    public long notBefore(long recordTime, long localTime) {
        return Math.max(time, believable(recordTime, localTime));
    }

    private long believable(long recordTime, long localTime) {
        return Math.min(recordTime, localTime + toleranceMs);
    }
}
