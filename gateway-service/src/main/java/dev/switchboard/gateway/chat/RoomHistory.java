package dev.switchboard.gateway.chat;

import dev.switchboard.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Pages of a room's durable history after a seq, from chat-service (the resume source of truth). */
@ApplicationScoped
public class RoomHistory {

    private final ChatServiceClient chat;
    private final int pageSize;

    public RoomHistory(ChatServiceClient chat, GatewayConfig config) {
        this.chat = chat;
        this.pageSize = config.resume().pageSize();
    }

    /** Events with seq > after, ascending, at most one page. */
    public Uni<RoomEventsPage> after(String roomId, long after) {
        return chat.events(roomId, after, pageSize);
    }

    /** The room's position (latestSeq) with as little history as chat-service allows. */
    public Uni<RoomEventsPage> latest(String roomId) {
        return chat.events(roomId, 0, 1);
    }

    /** Whether a client holding everything up to {@code since} can be brought up to date from this page on. */
    public static boolean canFill(RoomEventsPage page, long since) {
        if (page.latestSeq() <= since) {
            return true;
        }
        return page.earliestSeq() > 0 && page.earliestSeq() <= since + 1;
    }
}
