package dev.switchboard.gateway.auth;

import static dev.switchboard.gateway.http.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** switchboard.gateway.allowed-origins set: other browser origins get close 4403 (WebSocket) or 403 (SSE, poll). */
@QuarkusTest
@TestProfile(OriginAllowListTest.TwoOrigins.class)
@QuarkusTestResource(GatewayTestResource.class)
class OriginAllowListTest extends GatewayTestBase {

    public static class TwoOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The second one is written as an operator might: mixed case, a trailing slash.
            return Map.of("switchboard.gateway.allowed-origins", "https://app.example,https://Chat.Example:8443/");
        }
    }

    private WsTestClient fromOrigin(String origin, String user) {
        return track(WsTestClient.connect(wsUri(null), Map.of("Origin", origin,
                "Authorization", "Bearer " + TestTokens.forUser(user))));
    }

    @Test
    void aSocketFromAnotherOriginIsClosedWith4403EvenWithAValidToken() {
        WsTestClient hijacker = fromOrigin("https://evil.example", unique("victim"));
        assertEquals(4403, hijacker.awaitClose(TIMEOUT));
        // Closed before the token was looked at: no welcome, nothing at all.
        assertNull(hijacker.poll(Duration.ofMillis(200)));
    }

    @Test
    void aSocketWithoutAValidTokenFromAnotherOriginIsAlso4403() {
        WsTestClient hijacker = track(WsTestClient.connect(wsUri(null), Map.of("Origin", "http://app.example")));
        assertEquals(4403, hijacker.awaitClose(TIMEOUT));
    }

    @Test
    void socketsFromAllowedOriginsAndWithoutAnOriginAreWelcome() {
        assertEquals("welcome", fromOrigin("https://app.example", unique("u")).await("welcome").path("type").asText());
        assertEquals("welcome", fromOrigin("https://chat.example:8443", unique("u")).await("welcome").path("type")
                .asText());
        // Backends and apps send no Origin; the allow-list is about browsers. connected() waits for the welcome.
        assertFalse(connected(unique("backend")).isClosed());
    }

    @Test
    void sseAndPollingFromAnotherOriginAre403ProblemJson() {
        String token = TestTokens.forUser(unique("victim"));
        assertProblem(given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + token)
                .queryParam("channel", "ticker:ACME").get("/v1/sse"), 403, "forbidden");
        assertProblem(given().header("Origin", "https://evil.example").queryParam("access_token", token)
                .queryParam("channel", "ticker:ACME").queryParam("waitMs", 0).get("/v1/poll"), 403, "forbidden");
    }

    @Test
    void pollingFromAnAllowedOriginWorks() {
        given().header("Origin", "https://app.example")
                .header("Authorization", "Bearer " + TestTokens.forUser(unique("u")))
                .queryParam("channel", "ticker:ACME").queryParam("waitMs", 0).get("/v1/poll")
                .then().statusCode(200);
    }
}
