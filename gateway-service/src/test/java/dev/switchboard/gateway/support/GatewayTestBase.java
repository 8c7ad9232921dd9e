package dev.switchboard.gateway.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;

/** Connects real WebSocket clients to the running gateway, once it reports ready. */
public abstract class GatewayTestBase {

    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    protected URL base;

    private final List<WsTestClient> clients = new ArrayList<>();

    @BeforeEach
    void gatewayReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
        clients.clear();
    }

    protected URI wsUri(String query) {
        String http = base.toString().replaceFirst("^http", "ws");
        return URI.create(http.replaceAll("/$", "") + "/v1/ws" + (query == null ? "" : "?" + query));
    }

    /** A socket with no token. */
    protected WsTestClient anonymous() {
        return track(WsTestClient.connect(wsUri(null)));
    }

    protected WsTestClient withHeader(String token) {
        return track(WsTestClient.connect(wsUri(null), Map.of("Authorization", "Bearer " + token)));
    }

    /** A socket authenticated with a header token, after its welcome. */
    protected WsTestClient connected(String user) {
        WsTestClient client = withHeader(TestTokens.forUser(user));
        client.await("welcome");
        return client;
    }

    protected WsTestClient track(WsTestClient client) {
        clients.add(client);
        return client;
    }

    /** Subscribes and returns the subscribed frame. */
    protected static ObjectNode subscribe(WsTestClient client, String channel) {
        String id = "s-" + UUID.randomUUID();
        client.send(Map.of("type", "subscribe", "channel", channel, "id", id));
        return client.await(frame -> "subscribed".equals(frame.path("type").asText())
                && id.equals(frame.path("id").asText()), TIMEOUT);
    }

    protected static ObjectNode awaitFrame(WsTestClient client, String type, String id) {
        return client.await(frame -> type.equals(frame.path("type").asText()) && id.equals(frame.path("id").asText()),
                TIMEOUT);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Map<String, Object> publishFrame(String id, String channel, String msgId, String text) {
        return Map.of("type", "publish", "id", id, "channel", channel, "msgId", msgId, "data", Map.of("text", text));
    }
}
