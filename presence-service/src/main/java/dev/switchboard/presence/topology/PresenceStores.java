package dev.switchboard.presence.topology;

/**
 * The state stores of the channel partitions. All are persistent and changelogged: an instance that takes a partition
 * over restores them from Kafka.
 */
public final class PresenceStores {

    /** channel NUL userId -> MemberState (meta, connections by id). */
    public static final String MEMBERS = "presence-members";
    /** channel -> number of distinct users present. */
    public static final String COUNTS = "presence-counts";
    /** gatewayId NUL channel NUL userId NUL connectionId -> "": finds a dead gateway's connections. */
    public static final String GATEWAY_CONNECTIONS = "presence-gateway-connections";
    /** gatewayId -> GatewayLease (wall-clock and record-time deadlines). */
    public static final String LEASES = "presence-gateway-leases";
    /** channel -> PendingDiff: a room's open window of diffs and the changes waiting for its end. */
    public static final String PENDING_DIFFS = "presence-pending-diffs";
    /** channel NUL userId -> TypingState. */
    public static final String TYPING = "presence-typing";
    /** channel -> TypingRoom: throttling of aggregated typing updates in large rooms. */
    public static final String TYPING_ROOMS = "presence-typing-rooms";

    private PresenceStores() {
    }
}
