package dev.switchboard.gateway.devtoken;

import static dev.switchboard.gateway.http.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** GET /dev/token switched on, signing with the key the gateway verifies with (as the local run script does). */
@QuarkusTest
@TestProfile(DevTokenEnabledTest.DevTokenOn.class)
@QuarkusTestResource(GatewayTestResource.class)
class DevTokenEnabledTest extends GatewayTestBase {

    public static class DevTokenOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.dev-token.enabled", "true",
                    "smallrye.jwt.sign.key.location", TestTokens.privateKeyPem().toUri().toString());
        }
    }

    @Test
    void aDevTokenOpensAWebSocket() {
        Response issued = given().queryParam("user", "devuser").get("/dev/token");
        assertEquals(200, issued.statusCode(), issued.asString());
        assertEquals("devuser", issued.jsonPath().getString("userId"));
        WsTestClient client = withHeader(issued.jsonPath().getString("token"));
        assertEquals("devuser", client.await("welcome").path("userId").asText());
    }

    @Test
    void aPublisherDevTokenCarriesThePublisherRole() {
        Response issued = given().queryParam("user", "feeder").queryParam("publisher", true).get("/dev/token");
        String payload = new String(Base64.getUrlDecoder().decode(issued.jsonPath().getString("token").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertEquals(List.of("publisher", "user"), JsonPath.from(payload).getList("groups", String.class).stream()
                .sorted().toList());
        assertEquals(TestTokens.ISSUER, JsonPath.from(payload).getString("iss"));
    }

    @Test
    void aMissingOrInvalidUserIsABadRequestProblem() {
        assertProblem(given().get("/dev/token"), 400, "bad_request");
        assertProblem(given().queryParam("user", "no spaces/allowed").get("/dev/token"), 400, "bad_request");
    }
}
