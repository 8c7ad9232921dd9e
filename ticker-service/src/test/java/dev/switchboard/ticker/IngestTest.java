package dev.switchboard.ticker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.ticker.ticks.TickPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IngestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    TickPublisher publisher;

    private static String freshSymbol() {
        return "ING-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSingleQuoteAndThenABatchGetConsecutiveSeqsAndReachKafka() {
        String symbol = freshSymbol();
        long ts = System.currentTimeMillis() - 1_000;
        given().contentType(ContentType.JSON)
                .body("{\"price\": 101.25, \"bid\": 101.2, \"ask\": 101.3, \"volume\": 500, \"ts\": " + ts + "}")
                .post("/v1/tickers/{symbol}/quotes", symbol)
                .then().statusCode(202)
                .body("symbol", equalTo(symbol))
                .body("accepted", equalTo(1))
                .body("firstSeq", equalTo(1))
                .body("lastSeq", equalTo(1));
        given().contentType(ContentType.JSON)
                .body("[{\"price\": 102}, {\"price\": 103.5, \"ts\": " + (ts + 10) + "}, {\"price\": 99.75, \"volume\": 0}]")
                .post("/v1/tickers/{symbol}/quotes", symbol)
                .then().statusCode(202)
                .body("accepted", equalTo(3))
                .body("firstSeq", equalTo(2))
                .body("lastSeq", equalTo(4));

        // 202 is answered only after Kafka acknowledged: the ticks are there at once.
        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, symbol);
        KafkaTopics.assertContinuousFromOne(ticks);
        assertEquals(List.of(101.25, 102.0, 103.5, 99.75), ticks.stream().map(t -> t.data().get("price").asDouble()).toList());
        Tick first = ticks.get(0);
        assertEquals("ingest", first.feed());
        assertEquals(ts, first.ts());
        assertEquals(101.2, first.data().get("bid").asDouble());
        assertEquals(101.3, first.data().get("ask").asDouble());
        assertEquals(500, first.data().get("volume").asDouble());
        assertEquals(ts + 10, ticks.get(2).ts());
        assertTrue(ticks.get(1).ts() >= ts, "a quote without ts gets the receive time");

        List<Tick> snapshots = KafkaTopics.ticks(Topics.TICKER_SNAPSHOTS, symbol);
        assertEquals(ticks.get(3), snapshots.get(snapshots.size() - 1));
        given().get("/v1/tickers/{symbol}", symbol).then().statusCode(200)
                .body("seq", equalTo(4))
                .body("data.price", equalTo(99.75f));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"price\": -1}",
            "{\"price\": 0}",
            "{\"price\": \"NaN\"}",
            "{\"price\": \"Infinity\"}",
            "{\"price\": 1e400}",
            "{\"price\": -1e400}",
            "{\"bid\": 1, \"ask\": 2}",
            "{\"price\": null}",
            "{\"price\": 10, \"bid\": -2}",
            "{\"price\": 10, \"ask\": \"NaN\"}",
            "{\"price\": 10, \"volume\": -5}",
            "{\"price\": 10, \"bid\": 11, \"ask\": 10}",
            "{\"price\": 10, \"ts\": 99999999999999}",
            "{\"price\": 10, \"ts\": -1}",
            "[]",
            "[{\"price\": 10}, {\"price\": -10}]",
            "[{\"price\": 10}, 7]",
            "\"just a string\"",
            "42",
            "{\"price\": 10",
            "{price: 10}",
            "{\"price\": NaN}",
            "{\"price\": true}",
            "{\"price\": \"ten\"}",
            "not json at all",
    })
    void everyBadBodyIsA400ProblemAndNothingIsPublished(String body) {
        String symbol = freshSymbol();
        given().contentType(ContentType.JSON).body(body)
                .post("/v1/tickers/{symbol}/quotes", symbol)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("bad_request"));
        assertEquals(0, publisher.lastSeq(symbol), "a rejected request takes no seq");
        given().get("/v1/tickers/{symbol}", symbol).then().statusCode(404);
    }

    @Test
    void theProblemNamesTheFaultyQuote() {
        given().contentType(ContentType.JSON).body("[{\"price\": 10}, {\"price\": 10, \"ts\": 99999999999999}]")
                .post("/v1/tickers/{symbol}/quotes", freshSymbol())
                .then().statusCode(400)
                .body("detail", containsString("[1].ts"));
        given().contentType(ContentType.JSON).body("{\"price\": -3}")
                .post("/v1/tickers/{symbol}/quotes", freshSymbol())
                .then().statusCode(400)
                .body("detail", containsString("price"));
    }

    @Test
    void aMalformedSymbolIsA400() {
        given().contentType(ContentType.JSON).body("{\"price\": 10}")
                .post("/v1/tickers/{symbol}/quotes", "bad symbol!")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_request"));
        given().contentType(ContentType.JSON).body("{\"price\": 10}")
                .post("/v1/tickers/{symbol}/quotes", "x".repeat(129))
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyBodyAndAnOversizedBatchAreRejected() {
        given().contentType(ContentType.JSON)
                .post("/v1/tickers/{symbol}/quotes", freshSymbol())
                .then().statusCode(400)
                .contentType("application/problem+json");
        String oversized = "[" + String.join(",", java.util.Collections.nCopies(1001, "{\"price\": 1}")) + "]";
        given().contentType(ContentType.JSON).body(oversized)
                .post("/v1/tickers/{symbol}/quotes", freshSymbol())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 1000"));
    }

    @Test
    void ingestInterleavesWithTheMarketFeedWithoutBreakingSeq() {
        await().atMost(PATIENCE).until(() -> publisher.lastSeq("AMZN") >= 1);
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{\"price\": 150}")
                    .post("/v1/tickers/{symbol}/quotes", "AMZN")
                    .then().statusCode(202);
        }
        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, "AMZN");
        KafkaTopics.assertContinuousFromOne(ticks);
        assertTrue(ticks.stream().filter(t -> t.feed().equals("ingest")).count() >= 5);
    }
}
