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
 * What happens to clients and presence when a gateway replica goes away, with real processes: a rolling update
 * (SIGTERM: drain) and a crash (SIGKILL: the presence lease lapses).
 */
@ExtendWith(PlatformExtension.class)
class GatewayLifecycleIT {

    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.get();
    }

    @Test
    void aStoppingGatewayTellsItsClientsToReconnectThenClosesWith1001() {
        ServiceProcess gateway = platform.startGateway("gateway-draining");
        WsTestClient client = subscribed(gateway, "henry", "room:drain-e2e");

        gateway.close(); // SIGTERM, as Kubernetes does on a rolling update

        ObjectNode reconnect = client.await("reconnect");
        assertThat(reconnect.path("afterMs").asLong()).isNotNegative();
        assertThat(reconnect.path("reason").asText()).isNotBlank();
        assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(1001);
        // The stopping heartbeat removes its connections at once: nobody is left in the room.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get(platform.presence().uri("/v1/rooms/drain-e2e/presence"))
                .then().statusCode(200).body("count", equalTo(0)));
    }

    @Test
    void theUsersOfACrashedGatewayLeaveEveryonesListsWhenItsLeaseLapses() {
        ServiceProcess gateway = platform.startGateway("gateway-crashing");
        WsTestClient ivy = subscribed(gateway, "ivy", "room:crash-e2e");
        try (WsTestClient watcher = subscribed(platform.gateway(0), "jack", "room:crash-e2e")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get(platform.presence().uri("/v1/rooms/crash-e2e/presence"))
                    .then().statusCode(200).body("count", equalTo(2)));

            gateway.kill(); // SIGKILL: no drain, no stopping heartbeat

            ObjectNode leave = watcher.await(frame -> "presence".equals(frame.path("type").asText())
                    && frame.path("leaves").toString().contains("\"ivy\""), Duration.ofSeconds(30));
            assertThat(leave.path("channel").asText()).isEqualTo("room:crash-e2e");
            given().get(platform.presence().uri("/v1/rooms/crash-e2e/presence"))
                    .then().statusCode(200).body("count", equalTo(1)).body("members[0].userId", equalTo("jack"));
        } finally {
            ivy.close();
        }
    }

    /** A user's socket on that gateway, welcomed and subscribed to the channel. */
    private static WsTestClient subscribed(ServiceProcess gateway, String user, String channel) {
        WsTestClient client = WsTestClient.connect(gateway.wsUri("/v1/ws?access_token=" + TestTokens.forUser(user)));
        client.await("welcome");
        client.send(Map.of("type", "subscribe", "channel", channel));
        client.await("subscribed");
        return client;
    }
}
