package dev.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.gateway.lifecycle.GracefulDrain;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The rolling-update drain: readiness false first, then reconnect {reason, afterMs}, then close 1001. */
@QuarkusTest
@TestProfile(DrainTest.Draining.class)
@QuarkusTestResource(GatewayTestResource.class)
class DrainTest extends GatewayTestBase {

    /** Its own application: the drain is the last thing it does. */
    public static class Draining implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.gateway.drain.readiness-delay", "2s",
                    "switchboard.gateway.drain.reconnect-after-max-ms", "500");
        }
    }

    @Inject
    GracefulDrain drain;

    @Test
    void readinessTurnsFalseThenClientsAreToldToReconnectAndClosed1001() {
        WsTestClient alice = connected("alice");
        WsTestClient bob = connected("bob");
        subscribe(bob, "room:" + unique("room"));
        try (TestKafka.Probe heartbeats = new TestKafka.Probe(Topics.PRESENCE_HEARTBEATS)) {
            CompletableFuture<Void> draining = CompletableFuture.runAsync(drain::drain);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            assertNull(alice.poll(Duration.ZERO), "no reconnect before readiness is false");

            for (WsTestClient client : new WsTestClient[] {alice, bob}) {
                ObjectNode reconnect = client.await("reconnect");
                assertEquals(GracefulDrain.REASON, reconnect.path("reason").asText());
                long afterMs = reconnect.path("afterMs").asLong(-1);
                assertTrue(afterMs >= 0 && afterMs <= 500, "afterMs " + afterMs);
                assertEquals(1001, client.awaitClose(TIMEOUT));
            }
            draining.join();
            GatewayHeartbeat last = heartbeats.await(GatewayHeartbeat.class, GatewayHeartbeat::stopping);
            assertTrue(last.stopping());
        }
    }
}
