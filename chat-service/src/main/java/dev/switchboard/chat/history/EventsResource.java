package dev.switchboard.chat.history;

import java.util.List;
import java.util.Optional;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.messages.EventRepository;
import dev.switchboard.chat.rooms.Room;
import dev.switchboard.chat.rooms.RoomRepository;
import dev.switchboard.contracts.chat.ChatEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Internal: the events of a room after a seq, for a gateway resuming a subscriber. earliestSeq is the lowest seq still
 * stored; when retention removed every event of a room that had some, it is latestSeq + 1, so that "earliestSeq >
 * after + 1" still tells the gateway the gap cannot be filled.
 */
@Path("/v1/rooms/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EventsResource {

    @RegisterForReflection
    public record EventsPage(String roomId, List<ChatEvent> events, long latestSeq, long earliestSeq,
            boolean hasMore) {
    }

    private final Database database;
    private final RoomRepository rooms;
    private final EventRepository events;
    private final ChatConfig.Events config;

    public EventsResource(Database database, RoomRepository rooms, EventRepository events, ChatConfig config) {
        this.database = database;
        this.rooms = rooms;
        this.events = events;
        this.config = config.events();
    }

    @GET
    public EventsPage events(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        String roomId = Params.id("id", id);
        long afterSeq = Params.number("after", after, 0, 0L);
        int pageSize = Params.limit(limit, config.defaultLimit(), config.maxLimit());
        return database.read(connection -> {
            Optional<Room> room = rooms.find(connection, roomId);
            if (room.isEmpty()) {
                return new EventsPage(roomId, List.of(), 0, 0, false);
            }
            long latest = room.get().latestSeq();
            long earliest = events.earliestSeq(connection, roomId).orElse(latest == 0 ? 0L : latest + 1);
            List<ChatEvent> page = events.after(connection, roomId, afterSeq, pageSize + 1);
            boolean hasMore = page.size() > pageSize;
            return new EventsPage(roomId, hasMore ? page.subList(0, pageSize) : page, latest, earliest, hasMore);
        });
    }
}
