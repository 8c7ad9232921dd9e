package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;

/** Gateways keep no shared state: a publish on replica A reaches a subscriber on replica B through Kafka. */
@ExtendWith(PlatformExtension.class)
class TwoReplicaFanOutIT {

    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.get();
    }

    @Test
    void aPublishOnReplicaAReachesASubscriberOnReplicaB() {
        try (WsTestClient publisher = connect(platform.gateway(0), "frank");
                WsTestClient subscriber = connect(platform.gateway(1), "grace")) {
            subscriber.send(Map.of("type", "subscribe", "channel", "room:fanout"));
            subscriber.await("subscribed");

            for (int i = 1; i <= 5; i++) {
                publisher.send(Map.of("type", "publish", "id", "p" + i, "channel", "room:fanout", "msgId", "fan-" + i,
                        "data", Map.of("text", "message " + i)));
            }
            long previous = 0;
            for (int i = 1; i <= 5; i++) {
                ObjectNode message = subscriber.await(frame -> "message".equals(frame.path("type").asText()),
                        Duration.ofSeconds(30));
                assertThat(message.path("seq").asLong()).isEqualTo(previous + 1);
                assertThat(message.path("data").path("text").asText()).isEqualTo("message " + i);
                previous = message.path("seq").asLong();
            }
        }
    }

    private static WsTestClient connect(ServiceProcess gateway, String user) {
        WsTestClient client = WsTestClient.connect(gateway.wsUri("/v1/ws?access_token=" + TestTokens.forUser(user)));
        client.await("welcome");
        return client;
    }
}
