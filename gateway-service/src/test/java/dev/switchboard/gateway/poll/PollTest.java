package dev.switchboard.gateway.poll;

import static dev.switchboard.gateway.http.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.http.HttpPublish;
import dev.switchboard.gateway.http.TransportsTestResource;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET /v1/poll: first call, long polls that return on an event or time out empty, short polls, resume, refusals. */
@QuarkusTest
@QuarkusTestResource(TransportsTestResource.class)
class PollTest extends GatewayTestBase {

    private static Response poll(String token, String channel, String cursor, Object waitMs) {
        var request = given().header("Authorization", "Bearer " + token).queryParam("channel", channel);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (waitMs != null) {
            request.queryParam("waitMs", waitMs);
        }
        Response response = request.get("/v1/poll");
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    private static List<JsonNode> events(Response response, String type) {
        JsonNode body = TestKafka.parse(response.asString(), JsonNode.class);
        List<JsonNode> all = new ArrayList<>();
        body.path("events").forEach(all::add);
        return all.stream().filter(event -> type == null || type.equals(event.path("type").asText())).toList();
    }

    private static void publish(String room, String msgId) {
        HttpPublish.post(TestTokens.forUser("poll-author"), "room:" + room,
                Map.of("msgId", msgId, "data", Map.of("text", "text " + msgId))).then().statusCode(200);
    }

    /** Polls from the cursor until the expected message seqs came (exactly those, in order); the last cursor. */
    private static String pollUntil(String token, String room, String cursor, long waitMs, List<Long> expected) {
        List<Long> seqs = new ArrayList<>();
        String[] next = {cursor};
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response answer = poll(token, "room:" + room, next[0], waitMs);
            events(answer, "message").forEach(message -> seqs.add(message.path("seq").asLong()));
            next[0] = answer.jsonPath().getString("cursor");
            return seqs.size() >= expected.size();
        });
        assertEquals(expected, seqs);
        return next[0];
    }

    @Test
    void theFirstCallAnswersAtOnceWithTheStartingCursor() {
        String room = unique("room");
        publish(room, "before");
        Response first = poll(TestTokens.forUser(unique("u")), "room:" + room, null, 25000);
        assertFalse(first.jsonPath().getString("cursor").isBlank());
        JsonNode subscribed = events(first, "subscribed").get(0);
        assertEquals("room:" + room, subscribed.path("channel").asText());
        assertEquals(1, subscribed.path("seq").asLong());
        assertTrue(events(first, "message").isEmpty(), "history before the first call is read over HTTP");
        assertTrue(events(first, "presence").get(0).has("members"));
    }

    @Test
    void aLongPollReturnsAsSoonAsAnEventArrives() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        String cursor = poll(token, "room:" + room, null, null).jsonPath().getString("cursor");
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> poll(token, "room:" + room, cursor,
                30000));
        publish(room, "m1");
        Response answer = waiting.join();
        List<JsonNode> messages = events(answer, "message");
        assertEquals(1, messages.size(), answer.asString());
        assertEquals(1, messages.get(0).path("seq").asLong());
        assertEquals("text m1", messages.get(0).path("data").path("text").asText());
        assertNotEquals(cursor, answer.jsonPath().getString("cursor"));
    }

    @Test
    void aLongPollWithNothingToSayTimesOutEmpty() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        String cursor = poll(token, "room:" + room, null, null).jsonPath().getString("cursor");
        Response empty = poll(token, "room:" + room, cursor, 300);
        assertEquals(List.of(), events(empty, null));
        assertFalse(empty.jsonPath().getString("cursor").isBlank());
    }

    @Test
    void shortPollingReturnsWhatArrivedSinceTheCursorOnlyOnce() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        String cursor = poll(token, "room:" + room, null, 0).jsonPath().getString("cursor");
        publish(room, "s1");
        publish(room, "s2");
        String next = pollUntil(token, room, cursor, 0, List.of(1L, 2L));
        assertEquals(List.of(), events(poll(token, "room:" + room, next, 0), "message"));
    }

    @Test
    void aRepeatedCursorGetsTheSameEventsAgain() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        String cursor = poll(token, "room:" + room, null, 0).jsonPath().getString("cursor");
        publish(room, "r1");
        Response first = poll(token, "room:" + room, cursor, 20000);
        Response retried = poll(token, "room:" + room, cursor, 20000);
        assertEquals(events(first, "message"), events(retried, "message"));
        assertEquals(1, events(retried, "message").size());
    }

    @Test
    void aCursorWhoseSessionIsGoneResumesFromDurableHistory() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        Response started = poll(token, "room:" + room, null, 0);
        publish(room, "h1");
        Response got = poll(token, "room:" + room, started.jsonPath().getString("cursor"), 20000);
        assertEquals(1, events(got, "message").size());
        publish(room, "h2");
        publish(room, "h3");
        // The same positions without the session, as another replica (or a restarted one) would see the cursor.
        ObjectNode cursor = (ObjectNode) TestKafka.parse(new String(Base64.getUrlDecoder()
                .decode(got.jsonPath().getString("cursor")), StandardCharsets.UTF_8), JsonNode.class);
        cursor.remove("s");
        cursor.remove("n");
        String foreign = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
        pollUntil(token, room, foreign, 5000, List.of(2L, 3L));
    }

    @Test
    void aSessionThatOverflowsIsResumedFromHistoryWithoutLoss() {
        String room = unique("room");
        String token = TestTokens.forUser(unique("u"));
        String cursor = poll(token, "room:" + room, null, 0).jsonPath().getString("cursor");
        // More than the session buffer (switchboard.gateway.outbound.queue-size, 128 in tests) while nobody polls.
        int count = 150;
        for (int i = 0; i < count; i++) {
            FakeBackends.get().publish(FakeBackends.get().store(room, "bulk",
                    TestKafka.JSON.createObjectNode().put("text", "bulk " + i)));
        }
        List<Long> all = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            all.add(seq);
        }
        pollUntil(token, room, cursor, 5000, all);
    }

    @Test
    void badPollsAreProblems() {
        String token = TestTokens.forUser(unique("u"));
        String room = "room:" + unique("room");
        assertProblem(given().header("Authorization", "Bearer " + token).queryParam("channel", "nope")
                .get("/v1/poll"), 400, "bad_request");
        assertProblem(given().header("Authorization", "Bearer " + token).get("/v1/poll"), 400, "bad_request");
        for (String waitMs : List.of("-1", "30001", "soon", "1.5")) {
            assertProblem(given().header("Authorization", "Bearer " + token).queryParam("channel", room)
                    .queryParam("waitMs", waitMs).get("/v1/poll"), 400, "bad_request");
        }
        assertProblem(given().header("Authorization", "Bearer " + token).queryParam("channel", room)
                .queryParam("cursor", "not-ours").get("/v1/poll"), 400, "bad_request");
        assertProblem(given().queryParam("channel", room).get("/v1/poll"), 401, "unauthorized");
        assertProblem(given().header("Authorization", "Bearer bad").queryParam("channel", room).get("/v1/poll"), 401,
                "unauthorized");
        String secret = unique("secret");
        FakeBackends.get().createPrivateRoom(secret, "someone-else");
        assertProblem(given().header("Authorization", "Bearer " + token).queryParam("channel", "room:" + secret)
                .get("/v1/poll"), 403, "forbidden");
    }
}
