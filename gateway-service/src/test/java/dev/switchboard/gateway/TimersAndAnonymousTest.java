package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With anonymous ticker access on and a short idle timeout. */
@QuarkusTest
@TestProfile(TimersAndAnonymousTest.AnonymousAndShortIdle.class)
@QuarkusTestResource(GatewayTestResource.class)
class TimersAndAnonymousTest extends GatewayTestBase {

    public static class AnonymousAndShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.gateway.auth.anonymous-tickers", "true",
                    "switchboard.gateway.limits.idle-timeout", "3s");
        }
    }

    @Test
    void anonymousSocketsMayWatchTickersOnly() {
        WsTestClient viewer = anonymous();
        assertEquals("ticker:ACME", subscribe(viewer, "ticker:ACME").path("channel").asText());
        viewer.send(Map.of("type", "subscribe", "channel", "room:lobby", "id", "room"));
        assertEquals("unauthorized", awaitFrame(viewer, "error", "room").path("code").asText());
        viewer.send(publishFrame("p", "room:lobby", "m", "hi"));
        assertEquals("unauthorized", awaitFrame(viewer, "error", "p").path("code").asText());
    }

    @Test
    void silentSocketsAreClosedAtTheIdleTimeout() {
        WsTestClient quiet = connected("quiet");
        assertEquals(1000, quiet.awaitClose(TIMEOUT));
    }
}
