package dev.switchboard.gateway.http;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /v1/channels/{channel}/messages from a test, as a real HTTP client. */
public final class HttpPublish {

    private HttpPublish() {
    }

    public static Response post(String token, String channel, Object body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/v1/channels/{channel}/messages", channel);
    }

    public static Map<String, Object> message(String msgId, String text) {
        return Map.of("msgId", msgId, "data", Map.of("text", text));
    }
}
