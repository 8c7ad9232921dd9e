package dev.switchboard.ticker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Candle;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A known series of ticks with fixed event times goes through the real topology; the candles must equal the ones
 * computed by hand below. The series lies a minute or two in the future so that no live feed sharing a partition has
 * already pushed stream time past its windows.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CandleTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SYMBOL = "CANDLE-" + UUID.randomUUID().toString().substring(0, 8);
    private static long base;

    private static Map<String, Candle> expected;

    @BeforeAll
    static void feedTheSeries() throws Exception {
        // Fixed here, right before sending: the headroom over live stream time must not be spent waiting for startup.
        base = (System.currentTimeMillis() / 60_000 + 2) * 60_000;
        // seq, ts offset, price, volume; seq 3 arrives out of order (earlier ts than seq 2).
        send(1, 100, 10.0, 1);
        send(2, 400, 12.0, 2);
        send(3, 250, 9.0, 3);
        send(4, 900, 11.0, 4);
        sendUnpriced(5, 950);
        send(6, 1_000, 11.5, 5);
        send(7, 1_999, 13.0, 1);
        send(8, 3_500, 8.0, 2);
        send(9, 61_000, 20.0, 1);

        expected = new LinkedHashMap<>();
        put(new Candle(SYMBOL, "1s", base, base + 1_000, 10.0, 12.0, 9.0, 11.0, 10.0, 4));
        put(new Candle(SYMBOL, "1s", base + 1_000, base + 2_000, 11.5, 13.0, 11.5, 13.0, 6.0, 2));
        put(new Candle(SYMBOL, "1s", base + 3_000, base + 4_000, 8.0, 8.0, 8.0, 8.0, 2.0, 1));
        put(new Candle(SYMBOL, "1s", base + 61_000, base + 62_000, 20.0, 20.0, 20.0, 20.0, 1.0, 1));
        put(new Candle(SYMBOL, "1m", base, base + 60_000, 10.0, 13.0, 8.0, 8.0, 18.0, 7));
        put(new Candle(SYMBOL, "1m", base + 60_000, base + 120_000, 20.0, 20.0, 20.0, 20.0, 1.0, 1));
    }

    private static void put(Candle candle) {
        expected.put(candle.interval() + "@" + candle.start(), candle);
    }

    private static void send(long seq, long offset, double price, double volume) throws Exception {
        JsonNode data = MAPPER.createObjectNode().put("price", price).put("volume", volume);
        KafkaTopics.send(Topics.TICKER_TICKS, SYMBOL, new Tick(SYMBOL, seq, "test", data, base + offset));
    }

    private static void sendUnpriced(long seq, long offset) {
        JsonNode data = MAPPER.createObjectNode().put("home", 1).put("away", 0);
        KafkaTopics.send(Topics.TICKER_TICKS, SYMBOL, new Tick(SYMBOL, seq, "test", data, base + offset));
    }

    @Test
    void candlesOnTheTopicMatchTheHandComputedSeries() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            // Candles are re-emitted as their window fills: the last one of each window is the one that counts.
            Map<String, Candle> latest = new LinkedHashMap<>();
            for (Candle candle : KafkaTopics.candles(SYMBOL)) {
                latest.put(candle.interval() + "@" + candle.start(), candle);
            }
            assertEquals(expected, latest);
        });
    }

    @Test
    void candlesAreQueryableOverHttp() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<Candle> oneSecond = List.of(given()
                    .queryParam("interval", "1s").queryParam("from", base).queryParam("to", base + 62_000)
                    .get("/v1/tickers/{symbol}/candles", SYMBOL)
                    .then().statusCode(200).extract().as(Candle[].class));
            assertEquals(expected.values().stream().filter(c -> c.interval().equals("1s")).toList(), oneSecond);
        });
        List<Candle> oneMinute = List.of(given()
                .queryParam("interval", "1m")
                .queryParam("from", java.time.Instant.ofEpochMilli(base).toString())
                .queryParam("to", base + 60_000)
                .get("/v1/tickers/{symbol}/candles", SYMBOL)
                .then().statusCode(200).extract().as(Candle[].class));
        assertEquals(expected.values().stream().filter(c -> c.interval().equals("1m")).toList(), oneMinute);

        // Only windows starting within [from, to].
        given().queryParam("interval", "1s").queryParam("from", base + 1_000).queryParam("to", base + 1_000)
                .get("/v1/tickers/{symbol}/candles", SYMBOL)
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].open", equalTo(11.5f));
        given().queryParam("interval", "1s").get("/v1/tickers/{symbol}/candles", "NEVER-SEEN")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void badQueriesAreProblems() {
        for (Map<String, Object> query : List.<Map<String, Object>>of(
                Map.of("interval", "5m"),
                Map.of("interval", "1h"),
                Map.of("interval", "1s", "from", base + 10, "to", base),
                Map.of("interval", "1m", "from", "yesterday"),
                Map.of("interval", "1m", "to", "2026-13-45T00:00:00Z"),
                Map.of("interval", "1s", "from", 0, "to", base))) {
            given().queryParams(query).get("/v1/tickers/{symbol}/candles", SYMBOL)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("bad_request"));
        }
        given().get("/v1/tickers/{symbol}/candles", "bad symbol!")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
