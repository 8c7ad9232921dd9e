package dev.switchboard.presence.members;

import dev.switchboard.presence.config.PresenceConfig;

/**
 * How often a room's diffs may go out and how much they list.
 *
 * @param largeRoomThreshold rooms with more users are large
 * @param sampleSize         the most users a sampled diff lists
 * @param smallRoomWindowMs  a small room's window of coalesced changes; 0: none
 * @param largeRoomWindowMs  a large room's interval between two sampled diffs
 */
record DiffPacing(int largeRoomThreshold, int sampleSize, long smallRoomWindowMs, long largeRoomWindowMs) {

    private static final int LOOKS_PER_WINDOW = 5;

    static DiffPacing of(PresenceConfig config) {
        return new DiffPacing(config.largeRoomThreshold(), config.sampleSize(), config.smallRoomDiffWindow().toMillis(),
                config.largeRoomDiffInterval().toMillis());
    }

    boolean isLarge(int count) {
        return count > largeRoomThreshold;
    }

    /**
     * How many joins (and leaves) a room's pending diff may hold. A small room's must hold all: it has at most the
     * threshold of users, so that many always fit while it stays small. A large room's needs no more than a sample.
     */
    int limit(int count) {
        return isLarge(count) ? sampleSize : Math.max(largeRoomThreshold, sampleSize);
    }

    long windowMs(int count) {
        return isLarge(count) ? largeRoomWindowMs : smallRoomWindowMs;
    }

    /**
     * How often windows are looked at: a fifth of the shorter of the two, so that a window's diff goes out at most a
     * fifth of a window after it ends. A look is cheap while no window can have ended (RoomDiffs keeps the earliest end).
     */
    long flushPeriodMs() {
        long shortest = smallRoomWindowMs > 0 ? Math.min(smallRoomWindowMs, largeRoomWindowMs) : largeRoomWindowMs;
        return Math.max(1, shortest / LOOKS_PER_WINDOW);
    }
}
