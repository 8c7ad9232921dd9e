package dev.switchboard.chat.rooms;

import java.util.List;
import java.util.Optional;

import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.http.Params;
import dev.switchboard.chat.outbox.OutboxTransactions;
import dev.switchboard.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Members of a room. A moderator adds, removes and changes the role of anyone; any user may join a public room as a
 * member, and anyone may leave. Every change goes out as a MembershipEvent on chat.membership.
 */
@Path("/v1/rooms/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class MembershipResource {

    @RegisterForReflection
    public record PutMember(@Pattern(regexp = "(?i)member|moderator", message = "must be member or moderator")
    String role) {
    }

    @RegisterForReflection
    public record MemberView(String roomId, String userId, String role) {
    }

    @RegisterForReflection
    public record MemberList(String roomId, List<MemberView> members) {
    }

    private final Database database;
    private final RoomRepository rooms;
    private final RoomCreator creator;
    private final RoomAccess access;
    private final OutboxTransactions transactions;

    public MembershipResource(Database database, RoomRepository rooms, RoomCreator creator, RoomAccess access,
            OutboxTransactions transactions) {
        this.database = database;
        this.rooms = rooms;
        this.creator = creator;
        this.access = access;
        this.transactions = transactions;
    }

    @GET
    public MemberList list(@PathParam("id") String id, @HeaderParam(Params.USER_HEADER) String userHeader) {
        String roomId = Params.id("id", id);
        String user = Params.optionalUser(userHeader);
        return database.read(connection -> {
            access.readable(connection, roomId, user);
            return new MemberList(roomId, rooms.members(connection, roomId).stream()
                    .map(m -> new MemberView(roomId, m.userId(), m.role()))
                    .toList());
        });
    }

    @PUT
    @Path("{userId}")
    public MemberView put(@PathParam("id") String id, @PathParam("userId") String userId,
            @HeaderParam(Params.USER_HEADER) String userHeader, @Valid PutMember body) {
        String roomId = Params.id("id", id);
        String target = Params.id("userId", userId);
        String actor = Params.user(userHeader);
        String role = Roles.parse(body == null ? null : body.role()).orElse(Roles.MEMBER);
        return transactions.run((connection, out) -> {
            Room room = rooms.lock(connection, roomId).orElseThrow(() -> ProblemException.notFound("no room " + roomId));
            boolean selfJoin = actor.equals(target) && !room.isPrivate() && role.equals(Roles.MEMBER);
            if (!selfJoin && !access.isModerator(connection, roomId, actor)) {
                throw ProblemException.forbidden("only a moderator of " + roomId + " may add members or change roles");
            }
            Optional<String> current = rooms.role(connection, roomId, target);
            creator.putMember(connection, room, target, role, current, System.currentTimeMillis(), out);
            return new MemberView(roomId, target, role);
        });
    }

    @DELETE
    @Path("{userId}")
    public void remove(@PathParam("id") String id, @PathParam("userId") String userId,
            @HeaderParam(Params.USER_HEADER) String userHeader) {
        String roomId = Params.id("id", id);
        String target = Params.id("userId", userId);
        String actor = Params.user(userHeader);
        transactions.run((connection, out) -> {
            Room room = rooms.lock(connection, roomId).orElseThrow(() -> ProblemException.notFound("no room " + roomId));
            if (!actor.equals(target) && !access.isModerator(connection, roomId, actor)) {
                throw ProblemException.forbidden("only a moderator of " + roomId + " may remove other members");
            }
            if (!creator.removeMember(connection, room, target, System.currentTimeMillis(), out)) {
                throw ProblemException.notFound(target + " is not a member of " + roomId);
            }
            return null;
        });
    }
}
