package dev.switchboard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;

/**
 * The walking skeleton, through every real part: a WebSocket client publishes into room:lobby; the gateway puts the
 * command on Kafka; chat-service stores it in PostgreSQL with a seq and emits the event; the gateway delivers it and
 * acks with the seq; ticker values reach a ticker subscriber; presence-service sees the join and the leave.
 */
@ExtendWith(PlatformExtension.class)
class WalkingSkeletonIT {

    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.get();
    }

    @Test
    void aPublishedMessageIsStoredAckedWithItsSeqAndDeliveredToTheRoom() {
        try (WsTestClient alice = connect("alice"); WsTestClient bob = connect("bob")) {
            bob.send(Map.of("type", "subscribe", "channel", "room:lobby", "id", "s1"));
            assertThat(bob.await("subscribed").path("channel").asText()).isEqualTo("room:lobby");

            alice.send(Map.of("type", "publish", "id", "p1", "channel", "room:lobby", "msgId", "hello-1",
                    "data", Map.of("text", "hello, lobby")));
            ObjectNode ack = alice.await(frame -> "ack".equals(frame.path("type").asText())
                    && "p1".equals(frame.path("id").asText()), Duration.ofSeconds(30));
            long seq = ack.path("seq").asLong();
            assertThat(seq).isPositive();
            assertThat(ack.path("channel").asText()).isEqualTo("room:lobby");
            assertThat(ack.path("messageId").asText()).isNotBlank();

            ObjectNode message = bob.await("message");
            assertThat(message.path("channel").asText()).isEqualTo("room:lobby");
            assertThat(message.path("seq").asLong()).isEqualTo(seq);
            assertThat(message.path("messageId").asText()).isEqualTo(ack.path("messageId").asText());
            assertThat(message.path("from").asText()).isEqualTo("alice");
            assertThat(message.path("data").path("text").asText()).isEqualTo("hello, lobby");

            // Durably stored: chat-service's own history has it.
            given().header("X-Switchboard-User", "bob")
                    .get(platform.chat().uri("/v1/rooms/lobby/messages?limit=10"))
                    .then().statusCode(200)
                    .body("messages.find { it.seq == " + seq + " }.data.text", equalTo("hello, lobby"));
        }
    }

    @Test
    void tickerValuesReachASubscriber() {
        try (WsTestClient carol = connect("carol")) {
            carol.send(Map.of("type", "subscribe", "channel", "ticker:AAPL"));
            carol.await("subscribed");
            ObjectNode first = carol.await("tick");
            ObjectNode second = carol.await("tick");
            assertThat(first.path("channel").asText()).isEqualTo("ticker:AAPL");
            assertThat(second.path("seq").asLong()).isGreaterThan(first.path("seq").asLong());
            assertThat(second.path("data").path("price").asDouble()).isPositive();
        }
    }

    @Test
    void presenceServiceSeesTheJoinAndTheLeave() {
        WsTestClient dave = connect("dave");
        dave.send(Map.of("type", "subscribe", "channel", "room:presence-e2e"));
        dave.await("subscribed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get(platform.presence().uri("/v1/rooms/presence-e2e/presence"))
                .then().statusCode(200)
                .body("count", equalTo(1))
                .body("members[0].userId", equalTo("dave")));

        dave.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get(platform.presence().uri("/v1/rooms/presence-e2e/presence"))
                .then().statusCode(200)
                .body("count", equalTo(0)));
    }

    @Test
    void aMalformedFrameGetsAnErrorFrameAndTheConnectionStaysOpen() {
        try (WsTestClient erin = connect("erin")) {
            erin.send("{not json");
            assertThat(erin.await("error").path("code").asText()).isEqualTo("bad_request");
            erin.send(Map.of("type", "ping"));
            erin.await("pong");
            assertThat(erin.isClosed()).isFalse();
        }
    }

    private static WsTestClient connect(String user) {
        WsTestClient client = WsTestClient.connect(platform.gateway(0).wsUri("/v1/ws"),
                Map.of("Authorization", "Bearer " + TestTokens.forUser(user)));
        client.await("welcome");
        return client;
    }
}
