package dev.switchboard.chat.rooms;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.outbox.OutboxTransactions;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.chat.MembershipEvent.Visibility;
import dev.switchboard.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Rooms: create (public or private), read one, list the acting user's, set retention. */
@Path("/v1/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class RoomResource {

    /** Longest retention one may set: ten years. */
    private static final long MAX_RETENTION_SECONDS = 10L * 366 * 24 * 3600;

    @RegisterForReflection
    public record CreateRoom(
            @Pattern(regexp = Ids.ID_PATTERN) String id,
            @NotNull @Pattern(regexp = "(?i)public|private", message = "must be public or private") String visibility,
            @Size(max = 200) String name,
            @Positive @Max(MAX_RETENTION_SECONDS) Long retentionSeconds) {
    }

    /** {@code retentionSeconds} null: the service default (by default, forever). */
    @RegisterForReflection
    public record SetRetention(@Positive @Max(MAX_RETENTION_SECONDS) Long retentionSeconds) {
    }

    @RegisterForReflection
    public record RoomList(String userId, List<RoomView> rooms) {
    }

    private final Database database;
    private final RoomRepository rooms;
    private final RoomCreator creator;
    private final RoomAccess access;
    private final OutboxTransactions transactions;

    public RoomResource(Database database, RoomRepository rooms, RoomCreator creator, RoomAccess access,
            OutboxTransactions transactions) {
        this.database = database;
        this.rooms = rooms;
        this.creator = creator;
        this.access = access;
        this.transactions = transactions;
    }

    @POST
    public Response create(@HeaderParam(Params.USER_HEADER) String userHeader, @NotNull @Valid CreateRoom body) {
        String user = Params.user(userHeader);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        Visibility visibility = Visibility.valueOf(body.visibility().toUpperCase(Locale.ROOT));
        Long retentionMs = body.retentionSeconds() == null ? null : body.retentionSeconds() * 1000;
        Room room = transactions.run((connection, out) -> creator.create(connection, id, visibility, body.name(),
                user, retentionMs, System.currentTimeMillis(), out)
                .orElseThrow(() -> new ProblemException(409, "conflict", "room " + id + " exists already")));
        return Response.created(URI.create("/v1/rooms/" + room.id())).entity(RoomView.of(room, Roles.MODERATOR))
                .build();
    }

    @GET
    @Path("{id}")
    public RoomView get(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader) {
        String roomId = Params.id("id", id);
        String user = Params.optionalUser(userHeader);
        return database.read(connection -> {
            Room room = access.readable(connection, roomId, user);
            return RoomView.of(room, rooms.role(connection, roomId, user).orElse(null));
        });
    }

    @GET
    public RoomList mine(@HeaderParam(Params.USER_HEADER) String userHeader) {
        String user = Params.user(userHeader);
        return database.read(connection -> new RoomList(user, rooms.roomsOf(connection, user).stream()
                .map(m -> RoomView.of(m.room(), m.role()))
                .toList()));
    }

    @PUT
    @Path("{id}/retention")
    public RoomView retention(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader,
            @NotNull @Valid SetRetention body) {
        String roomId = Params.id("id", id);
        String user = Params.user(userHeader);
        return database.inTransaction(connection -> {
            Room room = access.moderated(connection, roomId, user);
            Long retentionMs = body.retentionSeconds() == null ? null : body.retentionSeconds() * 1000;
            rooms.updateRetention(connection, roomId, retentionMs);
            return RoomView.of(new Room(room.id(), room.visibility(), room.name(), room.createdBy(),
                    room.createdAt(), room.latestSeq(), retentionMs), Roles.MODERATOR);
        });
    }
}
