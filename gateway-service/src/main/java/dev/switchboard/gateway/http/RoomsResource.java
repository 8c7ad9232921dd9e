package dev.switchboard.gateway.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import dev.switchboard.contracts.Ids;
import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.presence.PresenceServiceClient;
import dev.switchboard.gateway.presence.PresenceSnapshot;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public rooms API: chat-service's rooms, members, cursors, unread counts and history, and presence-service's
 * member list, behind the gateway's token check. chat-service gets the acting user from the verified token (never
 * from the client) and does its own room checks; history and presence are checked here too, with the same
 * {@link ChannelAuthorizer} as a subscribe, so what a user may read over HTTP is what they may subscribe to.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    private final RequestIdentity identities;
    private final ChannelAuthorizer authorizer;
    private final BackendProxy proxy;
    private final PresenceServiceClient presence;
    private final String chatUrl;

    public RoomsResource(RequestIdentity identities, ChannelAuthorizer authorizer, BackendProxy proxy,
            PresenceServiceClient presence, GatewayConfig config) {
        this.identities = identities;
        this.authorizer = authorizer;
        this.proxy = proxy;
        this.presence = presence;
        this.chatUrl = config.chatUrl();
    }

    @POST
    @Path("/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Context HttpServerRequest request, byte[] body) {
        return toChat(request, HttpMethod.POST, "/v1/rooms", body);
    }

    @GET
    @Path("/rooms")
    public Uni<Response> mine(@Context HttpServerRequest request) {
        return toChat(request, HttpMethod.GET, "/v1/rooms", null);
    }

    @GET
    @Path("/rooms/{id}")
    public Uni<Response> room(@Context HttpServerRequest request, @PathParam("id") String id) {
        return toChat(request, HttpMethod.GET, "/v1/rooms/" + id(id), null);
    }

    @PUT
    @Path("/rooms/{id}/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> retention(@Context HttpServerRequest request, @PathParam("id") String id, byte[] body) {
        return toChat(request, HttpMethod.PUT, "/v1/rooms/" + id(id) + "/retention", body);
    }

    @GET
    @Path("/rooms/{id}/members")
    public Uni<Response> members(@Context HttpServerRequest request, @PathParam("id") String id) {
        return toChat(request, HttpMethod.GET, "/v1/rooms/" + id(id) + "/members", null);
    }

    @PUT
    @Path("/rooms/{id}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> putMember(@Context HttpServerRequest request, @PathParam("id") String id,
            @PathParam("userId") String userId, byte[] body) {
        return toChat(request, HttpMethod.PUT, "/v1/rooms/" + id(id) + "/members/" + id(userId), body);
    }

    @DELETE
    @Path("/rooms/{id}/members/{userId}")
    public Uni<Response> removeMember(@Context HttpServerRequest request, @PathParam("id") String id,
            @PathParam("userId") String userId) {
        return toChat(request, HttpMethod.DELETE, "/v1/rooms/" + id(id) + "/members/" + id(userId), null);
    }

    @GET
    @Path("/rooms/{id}/cursor")
    public Uni<Response> cursor(@Context HttpServerRequest request, @PathParam("id") String id) {
        return toChat(request, HttpMethod.GET, "/v1/rooms/" + id(id) + "/cursor", null);
    }

    @PUT
    @Path("/rooms/{id}/cursor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> putCursor(@Context HttpServerRequest request, @PathParam("id") String id, byte[] body) {
        return toChat(request, HttpMethod.PUT, "/v1/rooms/" + id(id) + "/cursor", body);
    }

    @GET
    @Path("/unread")
    public Uni<Response> unread(@Context HttpServerRequest request) {
        return toChat(request, HttpMethod.GET, "/v1/unread", null);
    }

    /** History, newest first with before (paging backwards), or forward with after. */
    @GET
    @Path("/rooms/{id}/messages")
    public Uni<Response> messages(@Context HttpServerRequest request, @PathParam("id") String id,
            @QueryParam("before") String before, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        Channel room = Channel.room(id(id));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("before", before);
        query.put("after", after);
        query.put("limit", limit);
        return identities.require(request).chain(who -> authorizer.authorizeSubscribe(who, room)
                .chain(() -> proxy.forward(chatUrl, HttpMethod.GET,
                        "/v1/rooms/" + room.id() + "/messages" + query(query), who.userId(), null)));
    }

    /** Who is in the room now (one entry per user, however many connections). */
    @GET
    @Path("/rooms/{id}/presence")
    public Uni<PresenceSnapshot> presence(@Context HttpServerRequest request, @PathParam("id") String id) {
        Channel room = Channel.room(id(id));
        return identities.require(request).chain(who -> authorizer.authorizeSubscribe(who, room))
                .chain(() -> presence.members(room.id()));
    }

    private Uni<Response> toChat(HttpServerRequest request, HttpMethod method, String uri, byte[] body) {
        return identities.require(request).chain(who -> proxy.forward(chatUrl, method, uri, who.userId(),
                body == null ? null : Buffer.buffer(body)));
    }

    private static String id(String id) {
        if (!Ids.isValid(id)) {
            throw ProtocolException.badRequest("ids must match " + Ids.ID_PATTERN);
        }
        return id;
    }

    private static String query(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }
}
