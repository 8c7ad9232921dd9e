package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every malformed frame gets an error frame (with its id when it has one) and the connection stays open. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ErrorFramesTest extends GatewayTestBase {

    private static void assertStillOpen(WsTestClient client) {
        client.send(Map.of("type", "ping", "id", "alive"));
        awaitFrame(client, "pong", "alive");
        assertFalse(client.isClosed());
    }

    private static ObjectNode nextError(WsTestClient client) {
        return client.await("error");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutDetailAndTheSocketStaysOpen() {
        String broken = unique("broken");
        // chat-service answers the room's access check with a JSON null: nothing the gateway is written to expect.
        FakeBackends.get().room(broken).accessAnswersNull = true;
        WsTestClient client = connected("alice");
        client.send(Map.of("type", "subscribe", "channel", "room:" + broken, "id", "b1"));
        ObjectNode error = awaitFrame(client, "error", "b1");
        assertEquals("internal", error.path("code").asText());
        assertEquals("room:" + broken, error.path("channel").asText());
        assertEquals("The server could not complete the request", error.path("message").asText());
        assertFalse(error.toString().contains("Exception") || error.toString().contains(".java"), error.toString());
        assertStillOpen(client);
        String working = "room:" + unique("fine");
        assertEquals(working, subscribe(client, working).path("channel").asText());
    }

    @Test
    void invalidJsonBinaryAndNonObjectsAreBadRequests() {
        WsTestClient client = connected("alice");
        client.send("{not json");
        assertEquals("bad_request", nextError(client).path("code").asText());
        client.send("[1,2]");
        assertEquals("bad_request", nextError(client).path("code").asText());
        client.send("{\"type\":\"ping\"} trailing");
        assertEquals("bad_request", nextError(client).path("code").asText());
        client.sendBinary(new byte[] {1, 2, 3});
        assertEquals("bad_request", nextError(client).path("code").asText());
        assertStillOpen(client);
    }

    @Test
    void unknownOrMissingTypesAreBadRequestsWithTheirId() {
        WsTestClient client = connected("alice");
        client.send(Map.of("type", "teleport", "id", "u1"));
        assertEquals("bad_request", awaitFrame(client, "error", "u1").path("code").asText());
        client.send(Map.of("id", "u2"));
        assertEquals("bad_request", awaitFrame(client, "error", "u2").path("code").asText());
        client.send(Map.of("type", "ping", "id", 5));
        assertEquals("bad_request", nextError(client).path("code").asText());
        assertStillOpen(client);
    }

    @Test
    void missingAndInvalidFieldsAreBadRequests() {
        WsTestClient client = connected("alice");
        Map<String, Map<String, Object>> frames = Map.of(
                "no-channel", Map.of("type", "subscribe", "id", "no-channel"),
                "bad-prefix", Map.of("type", "subscribe", "channel", "lobby", "id", "bad-prefix"),
                "bad-id", Map.of("type", "subscribe", "channel", "room:no spaces!", "id", "bad-id"),
                "long-id", Map.of("type", "subscribe", "channel", "room:" + "r".repeat(129), "id", "long-id"),
                "empty-id", Map.of("type", "subscribe", "channel", "room:", "id", "empty-id"),
                "neg-since", Map.of("type", "subscribe", "channel", "room:x", "since", -1, "id", "neg-since"),
                "no-msgid", Map.of("type", "publish", "channel", "room:x", "data", Map.of("text", "hi"), "id", "no-msgid"),
                "no-text", Map.of("type", "publish", "channel", "room:x", "msgId", "m", "data", Map.of(), "id", "no-text"),
                "long-text", Map.of("type", "publish", "channel", "room:x", "msgId", "m",
                        "data", Map.of("text", "x".repeat(4001)), "id", "long-text"),
                "no-active", Map.of("type", "typing", "channel", "room:x", "id", "no-active"));
        for (String id : frames.keySet()) {
            client.send(frames.get(id));
            assertEquals("bad_request", awaitFrame(client, "error", id).path("code").asText(), id);
        }
        assertStillOpen(client);
    }

    @Test
    void beforeAuthEveryFrameButAuthIsUnauthorized() {
        WsTestClient client = anonymous();
        client.send(Map.of("type", "subscribe", "channel", "room:lobby", "id", "early"));
        assertEquals("unauthorized", awaitFrame(client, "error", "early").path("code").asText());
        client.send(Map.of("type", "auth", "token", TestTokens.forUser("alice")));
        client.await("welcome");
        assertEquals("room:lobby", subscribe(client, "room:lobby").path("channel").asText());
    }
}
