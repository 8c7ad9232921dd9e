package dev.switchboard.gateway;

import static dev.switchboard.gateway.http.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The walking skeleton: auth, rooms (publish/ack/fan-out), ticks, presence emission. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class WebSocketCoreTest extends GatewayTestBase {

    @Test
    void headerTokenIsWelcomedWithConnectionIdUserAndHeartbeat() {
        WsTestClient client = withHeader(TestTokens.forUser("alice"));
        ObjectNode welcome = client.await("welcome");
        assertEquals("alice", welcome.path("userId").asText());
        assertEquals(1, welcome.path("protocol").asInt());
        assertFalse(welcome.path("connectionId").asText().isBlank());
        assertTrue(welcome.path("heartbeatMs").asLong() > 0);
    }

    @Test
    void queryTokenIsWelcomed() {
        String token = URLEncoder.encode(TestTokens.forUser("bob"), StandardCharsets.UTF_8);
        WsTestClient client = track(WsTestClient.connect(wsUri("access_token=" + token)));
        assertEquals("bob", client.await("welcome").path("userId").asText());
    }

    @Test
    void aPlainGetOfTheWebSocketPathIsAProblemNotAnUpgrade() {
        assertProblem(given().get("/v1/ws"), 400, "bad_request");
        assertProblem(given().header("Connection", "Upgrade").header("Sec-WebSocket-Version", "13").get("/v1/ws"),
                400, "bad_request");
    }

    @Test
    void theDevTokenEndpointIsOffByDefault() {
        assertProblem(given().queryParam("user", "alice").get("/dev/token"), 404, "not_found");
    }

    @Test
    void withoutAnAllowListEveryOriginIsWelcome() {
        WsTestClient client = track(WsTestClient.connect(wsUri(null), Map.of("Origin", "https://any.example",
                "Authorization", "Bearer " + TestTokens.forUser("dora"))));
        assertEquals("dora", client.await("welcome").path("userId").asText());
    }

    @Test
    void firstFrameTokenIsWelcomedWithTheFrameId() {
        WsTestClient client = anonymous();
        client.send(Map.of("type", "auth", "token", TestTokens.forUser("carol"), "id", "a1"));
        ObjectNode welcome = client.await("welcome");
        assertEquals("carol", welcome.path("userId").asText());
        assertEquals("a1", welcome.path("id").asText());
    }

    @Test
    void publishIsAckedAfterStorageAndFannedOutToSubscribers() {
        String room = unique("room");
        WsTestClient alice = connected("alice");
        WsTestClient bob = connected("bob");
        ObjectNode subscribed = subscribe(bob, "room:" + room);
        assertEquals("room:" + room, subscribed.path("channel").asText());
        assertEquals(0, subscribed.path("seq").asLong());
        assertTrue(subscribed.path("recovered").asBoolean());
        ObjectNode members = bob.await("presence");
        assertTrue(members.has("members"));

        alice.send(publishFrame("p1", "room:" + room, "msg-1", "hello"));
        ObjectNode ack = awaitFrame(alice, "ack", "p1");
        assertEquals("room:" + room, ack.path("channel").asText());
        assertEquals(1, ack.path("seq").asLong());
        assertFalse(ack.path("messageId").asText().isBlank());

        ObjectNode message = bob.await("message");
        assertEquals("room:" + room, message.path("channel").asText());
        assertEquals(1, message.path("seq").asLong());
        assertEquals(ack.path("messageId").asText(), message.path("messageId").asText());
        assertEquals("alice", message.path("from").asText());
        assertEquals("hello", message.path("data").path("text").asText());
        assertTrue(message.path("ts").asLong() > 0);
    }

    @Test
    void resendingTheSameMsgIdIsAckedWithTheOriginalSeq() {
        String room = unique("room");
        WsTestClient alice = connected("alice");
        alice.send(publishFrame("p1", "room:" + room, "same", "once"));
        ObjectNode first = awaitFrame(alice, "ack", "p1");
        alice.send(publishFrame("p2", "room:" + room, "same", "once"));
        ObjectNode second = awaitFrame(alice, "ack", "p2");
        assertEquals(first.path("seq").asLong(), second.path("seq").asLong());
        assertEquals(first.path("messageId").asText(), second.path("messageId").asText());
    }

    @Test
    void ticksReachTickerSubscribers() {
        String symbol = unique("SYM");
        WsTestClient client = connected("alice");
        subscribe(client, "ticker:" + symbol);
        TestKafka.send(Topics.TICKER_TICKS, symbol,
                new Tick(symbol, 1, "market", TestKafka.JSON.createObjectNode().put("price", 10.5), 1234L));
        ObjectNode tick = client.await("tick");
        assertEquals("ticker:" + symbol, tick.path("channel").asText());
        assertEquals(1, tick.path("seq").asLong());
        assertEquals(10.5, tick.path("data").path("price").asDouble());
        assertEquals(1234L, tick.path("ts").asLong());
    }

    @Test
    void roomSubscriptionsAnnounceJoinAndLeaveToPresence() {
        String room = unique("room");
        try (TestKafka.Probe probe = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS)) {
            WsTestClient client = connected("dave");
            String connectionId = client.seen().get(0).path("connectionId").asText();
            subscribe(client, "room:" + room);
            ConnectionEvent join = probe.await(ConnectionEvent.class, e -> ("room:" + room).equals(e.channel())
                    && e.kind() == ConnectionEvent.Kind.JOIN);
            assertEquals("dave", join.userId());
            assertEquals(connectionId, join.connectionId());
            client.send(Map.of("type", "unsubscribe", "channel", "room:" + room, "id", "u1"));
            assertEquals("room:" + room, awaitFrame(client, "ack", "u1").path("channel").asText());
            probe.await(ConnectionEvent.class, e -> ("room:" + room).equals(e.channel())
                    && e.kind() == ConnectionEvent.Kind.LEAVE && connectionId.equals(e.connectionId()));
        }
    }

    @Test
    void disconnectLeavesEveryRoom() {
        String room = unique("room");
        try (TestKafka.Probe probe = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS)) {
            WsTestClient client = connected("erin");
            subscribe(client, "room:" + room);
            client.close();
            ConnectionEvent leave = probe.await(ConnectionEvent.class, e -> ("room:" + room).equals(e.channel())
                    && e.kind() == ConnectionEvent.Kind.LEAVE);
            assertEquals("erin", leave.userId());
        }
    }

    @Test
    void heartbeatsRenewTheReplicaLease() {
        try (TestKafka.Probe probe = new TestKafka.Probe(Topics.PRESENCE_HEARTBEATS)) {
            GatewayHeartbeat beat = probe.await(GatewayHeartbeat.class, b -> !b.stopping());
            assertEquals(10000, beat.leaseMs());
            assertFalse(beat.gatewayId().isBlank());
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        WsTestClient client = connected("alice");
        client.send(Map.of("type", "ping", "id", "x"));
        assertEquals("x", client.await("pong").path("id").asText());
    }
}
