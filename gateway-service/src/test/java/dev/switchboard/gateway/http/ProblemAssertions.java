package dev.switchboard.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;

/** What every refused request must look like: the status, problem+json with the protocol code, no stack trace. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(Response response, int status, String code) {
        String body = response.asString();
        assertEquals(status, response.statusCode(), body);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(code, response.jsonPath().getString("code"), body);
        assertEquals(status, response.jsonPath().getInt("status"), body);
        assertFalse(response.jsonPath().getString("detail").isBlank(), body);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains(".java:"), body);
    }
}
