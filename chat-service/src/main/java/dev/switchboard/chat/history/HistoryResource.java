package dev.switchboard.chat.history;

import java.util.List;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.messages.StoredMessage;
import dev.switchboard.chat.rooms.RoomAccess;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/rooms/{id}/messages: history by seq, newest first pages with before, forward pages with after. */
@Path("/v1/rooms/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class HistoryResource {

    @RegisterForReflection
    public record HistoryPage(String roomId, List<MessageView> messages, boolean hasMore) {
    }

    private final Database database;
    private final RoomAccess access;
    private final HistoryRepository history;
    private final ChatConfig.History config;

    public HistoryResource(Database database, RoomAccess access, HistoryRepository history, ChatConfig config) {
        this.database = database;
        this.access = access;
        this.history = history;
        this.config = config.history();
    }

    @GET
    public HistoryPage messages(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader,
            @QueryParam("before") String before, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        String roomId = Params.id("id", id);
        String user = Params.optionalUser(userHeader);
        Long beforeSeq = Params.number("before", before, 1, null);
        Long afterSeq = Params.number("after", after, 0, null);
        int pageSize = Params.limit(limit, config.defaultLimit(), config.maxLimit());
        return database.read(connection -> {
            access.readable(connection, roomId, user);
            List<StoredMessage> page = history.page(connection, roomId, beforeSeq, afterSeq, pageSize);
            boolean hasMore = page.size() > pageSize;
            if (hasMore) {
                // The extra row is the one furthest in the paging direction.
                page = afterSeq != null ? page.subList(0, pageSize) : page.subList(1, page.size());
            }
            return new HistoryPage(roomId, page.stream().map(MessageView::of).toList(), hasMore);
        });
    }
}
