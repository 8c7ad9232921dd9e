package dev.switchboard.gateway.http;

import static dev.switchboard.gateway.http.HttpPublish.message;
import static dev.switchboard.gateway.http.HttpPublish.post;
import static dev.switchboard.gateway.http.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** HTTP publish, history, presence and the rooms API, with real HTTP, real Kafka and the fake backends. */
@QuarkusTest
@QuarkusTestResource(TransportsTestResource.class)
class HttpApiTest extends GatewayTestBase {

    @Test
    void publishAnswersSeqAndMessageIdOnceStoredAndSubscribersGetIt() {
        String room = unique("room");
        String user = unique("u");
        WsTestClient watcher = connected(unique("w"));
        subscribe(watcher, "room:" + room);
        Response first = post(TestTokens.forUser(user), "room:" + room, message("m-1", "hello over http"));
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(1, first.jsonPath().getLong("seq"));
        assertEquals("room:" + room, first.jsonPath().getString("channel"));
        String messageId = first.jsonPath().getString("messageId");
        assertFalse(messageId.isBlank());
        ObjectNode live = watcher.await("message");
        assertEquals(messageId, live.path("messageId").asText());
        assertEquals(user, live.path("from").asText());
        assertEquals("hello over http", live.path("data").path("text").asText());
    }

    @Test
    void resendingTheSameMsgIdAnswersTheOriginalSeq() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        Response first = post(token, "room:" + room, message("same", "once"));
        post(token, "room:" + room, message("other", "twice"));
        Response again = post(token, "room:" + room, message("same", "once"));
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.jsonPath().getLong("seq"), again.jsonPath().getLong("seq"));
        assertEquals(first.jsonPath().getString("messageId"), again.jsonPath().getString("messageId"));
        assertEquals(2, FakeBackends.get().room(room).events.size());
    }

    @Test
    void aPublisherMayPostQuotesToATickerAndItsSubscribersGetTheTick() {
        String symbol = unique("SYM");
        WsTestClient watcher = connected(unique("w"));
        subscribe(watcher, "ticker:" + symbol);
        Response posted = post(TestTokens.publisher(unique("feed")), "ticker:" + symbol,
                Map.of("msgId", "q1", "data", Map.of("price", 101.25)));
        assertEquals(200, posted.statusCode(), posted.asString());
        assertEquals("ticker:" + symbol, posted.jsonPath().getString("channel"));
        assertEquals(1, posted.jsonPath().getLong("seq"));
        ObjectNode tick = watcher.await("tick");
        assertEquals(101.25, tick.path("data").path("price").asDouble());
    }

    @Test
    void aNormalUserMayNotPostToATicker() {
        Response refused = post(TestTokens.forUser(unique("u")), "ticker:" + unique("SYM"),
                Map.of("msgId", "q1", "data", Map.of("price", 1)));
        assertProblem(refused, 403, "forbidden");
    }

    @Test
    void tickerServiceRefusalsArePassedOnWithTheirStatus() {
        Response refused = post(TestTokens.publisher(unique("feed")), "ticker:" + unique("SYM"),
                Map.of("data", Map.of("price", -3)));
        assertProblem(refused, 400, "bad_request");
    }

    @Test
    void anUnexpectedFailureIs500InternalWithoutDetail() {
        String broken = unique("broken");
        // chat-service answers the access check with a JSON null: nothing the gateway is written to expect.
        FakeBackends.get().room(broken).accessAnswersNull = true;
        Response answer = given().header("Authorization", "Bearer " + TestTokens.forUser(unique("reader")))
                .get("/v1/rooms/{id}/messages", broken);
        assertProblem(answer, 500, "internal");
        assertEquals("The server could not complete the request", answer.jsonPath().getString("detail"));
    }

    @Test
    void historyPagesBackwardsWithTheVerifiedUser() {
        String room = unique("room");
        String user = unique("reader");
        String token = TestTokens.forUser(user);
        for (int i = 1; i <= 3; i++) {
            post(token, "room:" + room, message("m-" + i, "text " + i)).then().statusCode(200);
        }
        Response page = given().header("Authorization", "Bearer " + token)
                .get("/v1/rooms/{id}/messages?before=3&limit=1", room);
        assertEquals(200, page.statusCode(), page.asString());
        List<Map<String, Object>> messages = page.jsonPath().getList("messages");
        assertEquals(1, messages.size());
        assertEquals(2, ((Number) messages.get(0).get("seq")).intValue());
        assertEquals("text 2", page.jsonPath().getString("messages[0].data.text"));
        assertTrue(page.jsonPath().getBoolean("hasMore"));
        assertTrue(FakeServices.get().seenUsers().contains(user));
    }

    @Test
    void privateRoomHistoryAndPresenceAreForMembersOnly() {
        String room = unique("secret");
        String member = unique("member");
        FakeBackends.get().createPrivateRoom(room, member);
        String outsider = TestTokens.forUser(unique("outsider"));
        assertProblem(given().header("Authorization", "Bearer " + outsider).get("/v1/rooms/{id}/messages", room),
                403, "forbidden");
        assertProblem(given().header("Authorization", "Bearer " + outsider).get("/v1/rooms/{id}/presence", room),
                403, "forbidden");
        given().header("Authorization", "Bearer " + TestTokens.forUser(member)).get("/v1/rooms/{id}/messages", room)
                .then().statusCode(200);
    }

    @Test
    void presenceListsTheMembersOfTheRoom() {
        String room = unique("room");
        FakeBackends.Room stored = FakeBackends.get().room(room);
        synchronized (stored) {
            stored.present.add(new PresenceMember("ann", TestKafka.JSON.createObjectNode().put("name", "Ann")));
            stored.present.add(new PresenceMember("ben", null));
        }
        Response presence = given().header("Authorization", "Bearer " + TestTokens.forUser(unique("u")))
                .get("/v1/rooms/{id}/presence", room);
        assertEquals(200, presence.statusCode(), presence.asString());
        assertEquals("room:" + room, presence.jsonPath().getString("channel"));
        assertEquals(2, presence.jsonPath().getInt("count"));
        assertEquals(List.of("ann", "ben"), presence.jsonPath().getList("members.userId"));
        assertEquals("Ann", presence.jsonPath().getString("members[0].meta.name"));
    }

    @Test
    void theRoomsApiIsProxiedWithTheUserOfTheToken() {
        String user = unique("owner");
        String token = TestTokens.forUser(user);
        String id = unique("made");
        Response created = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", id, "visibility", "private")).post("/v1/rooms");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(user, created.jsonPath().getString("createdBy"));
        assertTrue(created.header("Location").endsWith("/v1/rooms/" + id));
        Response mine = given().header("Authorization", "Bearer " + token).get("/v1/rooms");
        assertEquals(200, mine.statusCode(), mine.headers() + " " + mine.asString());
        assertEquals(List.of(id), mine.jsonPath().getList("rooms.id"));
        Response again = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", id, "visibility", "private")).post("/v1/rooms");
        assertProblem(again, 409, "conflict");
    }

    @Test
    void theAuthorEditsAndDeletesAMessageAndSubscribersSeeBoth() {
        String room = unique("room");
        String author = unique("author");
        String token = TestTokens.forUser(author);
        String messageId = post(token, "room:" + room, message("e1", "frist")).jsonPath().getString("messageId");
        WsTestClient watcher = connected(unique("w"));
        subscribe(watcher, "room:" + room);

        Response edited = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("data", Map.of("text", "first"))).put("/v1/rooms/{id}/messages/{m}", room, messageId);
        assertEquals(200, edited.statusCode(), edited.asString());
        assertEquals(2, edited.jsonPath().getLong("seq"));
        ObjectNode edit = watcher.await("message");
        assertEquals("edited", edit.path("event").asText());
        assertEquals(messageId, edit.path("messageId").asText());
        assertEquals("first", edit.path("data").path("text").asText());

        assertProblem(given().header("Authorization", "Bearer " + TestTokens.forUser(unique("other")))
                .delete("/v1/rooms/{id}/messages/{m}", room, messageId), 403, "forbidden");
        assertProblem(given().header("Authorization", "Bearer " + token)
                .delete("/v1/rooms/{id}/messages/{m}", room, "no-such-message"), 404, "not_found");
        assertProblem(given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("data", Map.of("text", ""))).put("/v1/rooms/{id}/messages/{m}", room, messageId), 400,
                "bad_request");

        Response deleted = given().header("Authorization", "Bearer " + token)
                .delete("/v1/rooms/{id}/messages/{m}", room, messageId);
        assertEquals(200, deleted.statusCode(), deleted.asString());
        assertEquals(3, deleted.jsonPath().getLong("seq"));
        ObjectNode delete = watcher.await(frame -> "message".equals(frame.path("type").asText())
                && frame.path("seq").asLong() == 3, TIMEOUT);
        assertEquals("deleted", delete.path("event").asText());
        assertTrue(delete.path("data").isNull());
    }

    @Test
    void badPublishesAreProblems() {
        String token = TestTokens.forUser(unique("u"));
        String room = "room:" + unique("room");
        assertProblem(post(token, "room:bad id!", message("m", "x")), 400, "bad_request");
        assertProblem(post(token, "lobby", message("m", "x")), 400, "bad_request");
        assertProblem(post(token, room, Map.of("data", Map.of("text", "no msgId"))), 400, "bad_request");
        assertProblem(post(token, room, Map.of("msgId", 7, "data", Map.of("text", "x"))), 400, "bad_request");
        assertProblem(post(token, room, Map.of("msgId", "m")), 400, "bad_request");
        assertProblem(post(token, room, message("m", "")), 400, "bad_request");
        assertProblem(post(token, room, message("m", "x".repeat(4001))), 400, "bad_request");
        assertProblem(post(token, room, "[1,2]"), 400, "bad_request");
        assertProblem(post(token, room, "{\"msgId\": \"m\", \"data\": "), 400, "bad_request");
        assertProblem(post(token, "user:" + unique("x"), message("m", "x")), 403, "forbidden");
    }

    @Test
    void missingOrBadTokensAreUnauthorized() {
        String room = "room:" + unique("room");
        assertProblem(given().contentType(ContentType.JSON).body(message("m", "x"))
                .post("/v1/channels/{channel}/messages", room), 401, "unauthorized");
        assertProblem(post("not-a-jwt", room, message("m", "x")), 401, "unauthorized");
        assertProblem(given().header("Authorization", "Bearer not.a.jwt").get("/v1/rooms"), 401, "unauthorized");
        assertProblem(given().get("/v1/rooms/{id}/messages", unique("room")), 401, "unauthorized");
        assertProblem(given().get("/v1/rooms/{id}/presence", unique("room")), 401, "unauthorized");
        assertProblem(given().header("Authorization", "Bearer " + TestTokens.forUser("x"))
                .get("/v1/rooms/{id}/messages", "bad id!"), 400, "bad_request");
    }
}
