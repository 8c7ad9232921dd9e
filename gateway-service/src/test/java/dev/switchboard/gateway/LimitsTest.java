package dev.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every close code and limit: 4401 (bad, expired, missing token), 4429, 1008, 1009, subscription and user caps. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class LimitsTest extends GatewayTestBase {

    private static final Duration CLOSE = Duration.ofSeconds(20);

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256Token(String user) throws Exception {
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + b64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"" + user + "\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 3600) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a-shared-secret-a-shared-secret!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void noTokenInTimeCloses4401() {
        assertEquals(4401, anonymous().awaitClose(CLOSE));
    }

    @Test
    void invalidTokensAreAcceptedThenClosed4401() throws Exception {
        String noneAlg = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"eve\",\"iss\":\"" + TestTokens.ISSUER + "\"}") + ".";
        List<String> bad = List.of(
                "not-a-jwt",
                hs256Token("eve"),
                noneAlg,
                TestTokens.expiringAt("eve", Instant.now().minusSeconds(3600)),
                TestTokens.sign(TestTokens.claims(null, Instant.now().plusSeconds(3600), List.of("user"))),
                TestTokens.sign(Map.of("iss", "https://elsewhere", "sub", "eve", "exp", Instant.now().getEpochSecond() + 3600)));
        for (String token : bad) {
            assertEquals(4401, withHeader(token).awaitClose(CLOSE), token);
        }
    }

    @Test
    void aBadTokenInTheAuthFrameCloses4401() {
        WsTestClient client = anonymous();
        client.send(Map.of("type", "auth", "token", "garbage"));
        assertEquals(4401, client.awaitClose(CLOSE));
    }

    @Test
    void expiryClosesTheConnection4401() {
        WsTestClient client = withHeader(TestTokens.expiringAt("frank", Instant.now().plusSeconds(3)));
        client.await("welcome");
        assertEquals(4401, client.awaitClose(CLOSE));
    }

    @Test
    void aRefreshedTokenKeepsTheConnectionOpenPastTheFirstOnesExpiry() throws InterruptedException {
        // exp is in whole seconds: 4 s leave a busy machine time to connect and refresh first.
        WsTestClient client = withHeader(TestTokens.expiringAt("grace", Instant.now().plusSeconds(4)));
        client.await("welcome");
        client.send(Map.of("type", "auth", "id", "refresh",
                "token", TestTokens.expiringAt("grace", Instant.now().plusSeconds(3600))));
        client.await(frame -> "welcome".equals(frame.path("type").asText()) && "refresh".equals(frame.path("id").asText()),
                TIMEOUT);
        // Past the first token's expiry and the expiry sweep after it.
        Thread.sleep(6000);
        client.send(Map.of("type", "ping", "id", "still-there"));
        client.await(frame -> "pong".equals(frame.path("type").asText()) && "still-there".equals(frame.path("id").asText()),
                TIMEOUT);
        assertFalse(client.isClosed());
    }

    @Test
    void typingFloodIsRateLimitedWithIdsThenClosed4429() {
        WsTestClient client = connected(unique("flood"));
        for (int i = 0; i < 80 && !client.isClosed(); i++) {
            client.send(Map.of("type", "typing", "channel", "room:flood", "active", true, "id", "t" + i));
        }
        var limited = client.await(frame -> "rate_limited".equals(frame.path("code").asText()), TIMEOUT);
        assertTrue(limited.path("id").asText().startsWith("t"));
        assertEquals(4429, client.awaitClose(CLOSE));
    }

    @Test
    void repeatedInvalidFramesClose1008() {
        WsTestClient client = connected(unique("abuser"));
        for (int i = 0; i < 40 && !client.isClosed(); i++) {
            client.send("{broken " + i);
        }
        assertEquals(1008, client.awaitClose(CLOSE));
    }

    @Test
    void framesOverTheLimitClose1009() {
        WsTestClient client = connected(unique("big"));
        client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertEquals(1009, client.awaitClose(CLOSE));
    }

    @Test
    void subscriptionsPerConnectionAreCapped() {
        WsTestClient client = connected(unique("collector"));
        for (int i = 0; i < 10; i++) {
            subscribe(client, "ticker:CAP" + i);
        }
        client.send(Map.of("type", "subscribe", "channel", "ticker:CAP10", "id", "one-too-many"));
        assertEquals("forbidden", awaitFrame(client, "error", "one-too-many").path("code").asText());
    }

    @Test
    void connectionsPerUserAreCapped() {
        String user = unique("popular");
        for (int i = 0; i < 5; i++) {
            connected(user);
        }
        assertEquals(1008, withHeader(TestTokens.forUser(user)).awaitClose(CLOSE));
    }

    @Test
    void anUnconfirmedPublishIsUnavailable() {
        String room = unique("silent");
        FakeBackends.get().room(room).silent = true;
        WsTestClient client = connected(unique("writer"));
        client.send(publishFrame("p1", "room:" + room, "m1", "anyone there?"));
        assertEquals("unavailable", awaitFrame(client, "error", "p1").path("code").asText());
    }

    @Test
    void theDevTokenEndpointIsOffByDefault() {
        given().get("/dev/token?user=alice").then().statusCode(404);
    }
}
