package dev.switchboard.ticker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.ticker.feeds.Feed;
import dev.switchboard.ticker.feeds.FeedManager;
import dev.switchboard.ticker.feeds.market.MarketFeed;
import dev.switchboard.ticker.ticks.TickPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MarketFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    FeedManager feeds;

    @Inject
    TickPublisher publisher;

    @Test
    void marketQuotesReachTheTicksTopicWithContinuousSeqs() {
        await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, "AAPL").size() >= 10);
        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, "AAPL");
        KafkaTopics.assertContinuousFromOne(ticks);
        for (Tick tick : ticks) {
            assertEquals(MarketFeed.NAME, tick.feed());
            double price = tick.data().get("price").asDouble();
            double bid = tick.data().get("bid").asDouble();
            double ask = tick.data().get("ask").asDouble();
            assertTrue(price > 0 && bid > 0 && bid <= ask, "a sane quote: " + tick.data());
            assertTrue(tick.data().get("volume").asLong() >= 1, "a traded volume: " + tick.data());
            assertTrue(tick.ts() > 0);
        }
    }

    @Test
    void seqStaysContinuousAcrossAFeedRestart() {
        Feed market = feeds.feed(MarketFeed.NAME).orElseThrow();
        await().atMost(PATIENCE).until(() -> publisher.lastSeq("MSFT") >= 3);
        market.stop();
        assertFalse(market.running());
        long before = publisher.lastSeq("MSFT");
        market.start(publisher);
        try {
            await().atMost(PATIENCE).until(() -> publisher.lastSeq("MSFT") >= before + 3);
            await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, "MSFT").size() >= before + 3);
            List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, "MSFT");
            KafkaTopics.assertContinuousFromOne(ticks);
        } finally {
            if (!market.running()) {
                market.start(publisher);
            }
        }
    }

    @Test
    void latestValueIsServedAndMatchesTheSnapshotTopic() {
        await().atMost(PATIENCE).until(() -> publisher.lastSeq("GOOG") >= 1);
        given().get("/v1/tickers/GOOG").then()
                .statusCode(200)
                .body("symbol", equalTo("GOOG"))
                .body("feed", equalTo("market"))
                .body("seq", greaterThan(0))
                .body("data.price", greaterThan(0f));

        // The snapshot topic ends with exactly the value the service serves, once the feed pauses.
        Feed market = feeds.feed(MarketFeed.NAME).orElseThrow();
        market.stop();
        try {
            publisher.flush();
            Tick served = given().get("/v1/tickers/GOOG").then().statusCode(200).extract().as(Tick.class);
            List<Tick> snapshots = KafkaTopics.ticks(Topics.TICKER_SNAPSHOTS, "GOOG");
            assertEquals(served, snapshots.get(snapshots.size() - 1));
            assertEquals(publisher.lastSeq("GOOG"), served.seq());
        } finally {
            market.start(publisher);
        }

        given().get("/v1/tickers").then()
                .statusCode(200)
                .body("symbol", org.hamcrest.Matchers.hasItems("AAPL", "MSFT", "GOOG"));
    }

    @Test
    void unknownAndMalformedSymbolsAreProblems() {
        given().get("/v1/tickers/NOPE-never-published").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"))
                .body("status", equalTo(404));
        given().get("/v1/tickers/bad symbol!").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_request"));
        given().get("/v1/tickers/" + "x".repeat(129)).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
