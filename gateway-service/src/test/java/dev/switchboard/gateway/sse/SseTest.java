package dev.switchboard.gateway.sse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.http.HttpPublish;
import dev.switchboard.gateway.http.TransportsTestResource;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /v1/sse with a real streaming HTTP client: live events, Last-Event-ID resume, tickers, refusals. */
@QuarkusTest
@QuarkusTestResource(TransportsTestResource.class)
class SseTest extends GatewayTestBase {

    private final List<SseTestClient> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(SseTestClient::close);
        streams.clear();
    }

    private SseTestClient open(String query, Map<String, String> headers) {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + "/v1/sse?" + query);
        SseTestClient stream = SseTestClient.open(uri, headers);
        streams.add(stream);
        return stream;
    }

    private SseTestClient open(String user, String lastEventId, String... channels) {
        String query = java.util.Arrays.stream(channels).map(c -> "channel=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = lastEventId == null
                ? Map.of("Authorization", "Bearer " + TestTokens.forUser(user))
                : Map.of("Authorization", "Bearer " + TestTokens.forUser(user), "Last-Event-ID", lastEventId);
        SseTestClient stream = open(query, headers);
        assertEquals(200, stream.status());
        assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
        return stream;
    }

    private static void publish(String room, String msgId, String text) {
        HttpPublish.post(TestTokens.forUser("sse-author"), "room:" + room, Map.of("msgId", msgId, "data",
                Map.of("text", text))).then().statusCode(200);
    }

    private static SseTestClient.Event message(SseTestClient stream, long seq) {
        return stream.await(event -> "message".equals(event.type()) && event.data().path("seq").asLong() == seq,
                TIMEOUT);
    }

    @Test
    void liveRoomEventsArriveWithCursorIds() {
        String room = unique("room");
        SseTestClient stream = open(unique("reader"), null, "room:" + room);
        SseTestClient.Event subscribed = stream.await("subscribed");
        assertEquals("room:" + room, subscribed.data().path("channel").asText());
        assertNotNull(subscribed.id());
        assertTrue(stream.await("presence").data().has("members"));
        publish(room, "a", "first");
        publish(room, "b", "second");
        SseTestClient.Event first = message(stream, 1);
        SseTestClient.Event second = message(stream, 2);
        assertEquals("first", first.data().path("data").path("text").asText());
        assertEquals("sse-author", second.data().path("from").asText());
        assertNotNull(first.id());
        assertFalse(first.id().equals(second.id()), "each room event moves the cursor");
    }

    @Test
    void lastEventIdResumesWithoutGapsOrDuplicates() {
        String room = unique("room");
        String user = unique("reader");
        SseTestClient stream = open(user, null, "room:" + room);
        stream.await("subscribed");
        publish(room, "1", "one");
        publish(room, "2", "two");
        message(stream, 2);
        String lastId = stream.lastEventId();
        stream.close();
        publish(room, "3", "three");
        publish(room, "4", "four");

        SseTestClient resumed = open(user, lastId, "room:" + room);
        SseTestClient.Event subscribed = resumed.await("subscribed");
        assertTrue(subscribed.data().path("recovered").asBoolean());
        message(resumed, 4);
        publish(room, "5", "five");
        message(resumed, 5);
        List<Long> seqs = resumed.seen().stream().filter(event -> "message".equals(event.type()))
                .map(event -> event.data().path("seq").asLong()).toList();
        assertEquals(List.of(3L, 4L, 5L), seqs);
    }

    @Test
    void oneCursorResumesEveryRoomOfTheStream() {
        String a = unique("ra");
        String b = unique("rb");
        String user = unique("reader");
        SseTestClient stream = open(user, null, "room:" + a, "room:" + b);
        stream.await("subscribed");
        stream.await("subscribed");
        publish(a, "a1", "a one");
        message(stream, 1);
        publish(b, "b1", "b one");
        stream.await(event -> "message".equals(event.type()) && event.data().path("channel").asText().equals("room:" + b),
                TIMEOUT);
        String lastId = stream.lastEventId();
        stream.close();
        publish(a, "a2", "a two");
        publish(b, "b2", "b two");

        SseTestClient resumed = open(user, lastId, "room:" + a, "room:" + b);
        resumed.await(event -> "message".equals(event.type()) && event.data().path("channel").asText().equals("room:" + a),
                TIMEOUT);
        resumed.await(event -> "message".equals(event.type()) && event.data().path("channel").asText().equals("room:" + b),
                TIMEOUT);
        List<String> replayed = resumed.seen().stream().filter(event -> "message".equals(event.type()))
                .map(event -> event.data().path("channel").asText() + "#" + event.data().path("seq").asLong()).sorted()
                .toList();
        assertEquals(List.of("room:" + a + "#2", "room:" + b + "#2"), replayed);
    }

    @Test
    void tickersSendTheLatestValueFirstAndThenLiveTicks() {
        String symbol = unique("SYM");
        TestKafka.send(Topics.TICKER_TICKS, symbol, new Tick(symbol, 1, "market",
                TestKafka.JSON.createObjectNode().put("price", 1.5), 1000L));
        // The gateway has consumed the tick once a new subscriber is told seq 1.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            SseTestClient probe = open(unique("probe"), null, "ticker:" + symbol);
            long seq = probe.await("subscribed").data().path("seq").asLong();
            probe.close();
            return seq == 1;
        });
        SseTestClient stream = open(unique("reader"), null, "ticker:" + symbol);
        assertEquals(1, stream.await("tick").data().path("seq").asLong());
        TestKafka.send(Topics.TICKER_TICKS, symbol, new Tick(symbol, 2, "market",
                TestKafka.JSON.createObjectNode().put("price", 1.75), 2000L));
        SseTestClient.Event live = stream.await("tick");
        assertEquals(2, live.data().path("seq").asLong());
        assertNull(live.id(), "ticks do not move the cursor");
        assertEquals(1.75, live.data().path("data").path("price").asDouble());
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        SseTestClient stream = open(unique("idle"), null, "room:" + unique("quiet"));
        stream.await("subscribed");
        // switchboard.gateway.transports.sse.heartbeat is 1 s in tests (15 s by default).
        await().atMost(TIMEOUT).until(() -> stream.comments() >= 2);
    }

    @Test
    void theAccessTokenMayComeInTheQuery() {
        String room = unique("room");
        String token = URLEncoder.encode(TestTokens.forUser(unique("browser")), StandardCharsets.UTF_8);
        SseTestClient stream = open("channel=room:" + room + "&access_token=" + token, Map.of());
        assertEquals(200, stream.status());
        stream.await("subscribed");
    }

    @Test
    void theOwnInboxIsReadableAndSomeoneElsesIsNot() {
        String user = unique("me");
        open(user, null, "user:" + user).await("subscribed");
        assertRefused(open("channel=user:" + unique("other"),
                Map.of("Authorization", "Bearer " + TestTokens.forUser(user))), 403, "forbidden");
    }

    @Test
    void aTokenThatExpiresEndsTheStreamWithAnError() {
        String user = unique("short");
        String token = TestTokens.expiringAt(user, java.time.Instant.now().plusSeconds(3));
        SseTestClient stream = open("channel=room:" + unique("room"), Map.of("Authorization", "Bearer " + token));
        assertEquals(200, stream.status());
        stream.await("subscribed");
        SseTestClient.Event error = stream.await("error");
        assertEquals("unauthorized", error.data().path("code").asText());
    }

    @Test
    void aMemberRemovedFromAPrivateRoomLosesThatChannelOnly() {
        String secret = unique("secret");
        String open = unique("open");
        String member = unique("member");
        FakeBackends.get().createPrivateRoom(secret, member);
        SseTestClient stream = open(member, null, "room:" + secret, "room:" + open);
        stream.await("subscribed");
        stream.await("subscribed");
        FakeBackends.get().removeMember(secret, member);
        SseTestClient.Event revoked = stream.await("error");
        assertEquals("forbidden", revoked.data().path("code").asText());
        assertEquals("room:" + secret, revoked.data().path("channel").asText());
        publish(open, "still", "still here");
        assertEquals("still here", message(stream, 1).data().path("data").path("text").asText());
    }

    @Test
    void refusalsComeBeforeTheStreamAsProblems() {
        String token = TestTokens.forUser(unique("u"));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        assertRefused(open("channel=lobby", auth), 400, "bad_request");
        assertRefused(open("channel=room:bad%20id", auth), 400, "bad_request");
        assertRefused(open("", auth), 400, "bad_request");
        assertRefused(open("channel=room:" + unique("r"), Map.of("Authorization", "Bearer " + token,
                "Last-Event-ID", "garbage")), 400, "bad_request");
        assertRefused(open("channel=room:" + unique("r"), Map.of()), 401, "unauthorized");
        assertRefused(open("channel=room:" + unique("r"), Map.of("Authorization", "Bearer nope")), 401,
                "unauthorized");
        assertRefused(open("channel=room:" + unique("r") + "&access_token=nope", Map.of()), 401, "unauthorized");
        String secret = unique("secret");
        FakeBackends.get().createPrivateRoom(secret, "someone-else");
        assertRefused(open("channel=room:" + secret, auth), 403, "forbidden");
    }

    private static void assertRefused(SseTestClient stream, int status, String code) {
        assertEquals(status, stream.status());
        assertTrue(stream.contentType().startsWith("application/problem+json"), stream.contentType());
        String body = stream.body();
        JsonNode problem = TestKafka.parse(body, JsonNode.class);
        assertNotNull(problem, body);
        assertEquals(code, problem.path("code").asText(), body);
        assertEquals(status, problem.path("status").asInt(), body);
        assertFalse(body.contains("Exception") || body.contains(".java:"), body);
    }
}
