package dev.switchboard.ticker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The sports, sensor and CSV replay feeds, switched on by configuration. This profile starts a second instance of
 * the service in the test JVM, against the same broker: it recovers every symbol's seq from ticker.snapshots.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(FeedsTest.AllFeeds.class)
class FeedsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final double SPEED = 20;

    public static class AllFeeds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.ticker.feeds.sports.enabled", "true",
                    "switchboard.ticker.feeds.sports.rate-per-second", "20",
                    "switchboard.ticker.feeds.sensor.enabled", "true",
                    "switchboard.ticker.feeds.sensor.rate-per-second", "20",
                    "switchboard.ticker.feeds.replay.enabled", "true",
                    "switchboard.ticker.feeds.replay.file", "src/test/resources/replay/quotes.csv",
                    "switchboard.ticker.feeds.replay.speed", String.valueOf(SPEED));
        }
    }

    @Test
    void csvReplayPublishesTheRowsInOrderWithTheirValuesAndScaledSpacing() {
        await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, "REPLAY-A").size() >= 4
                && KafkaTopics.ticks(Topics.TICKER_TICKS, "REPLAY-B").size() >= 2);
        List<Tick> a = KafkaTopics.ticks(Topics.TICKER_TICKS, "REPLAY-A");
        List<Tick> b = KafkaTopics.ticks(Topics.TICKER_TICKS, "REPLAY-B");
        assertEquals(4, a.size(), "the broken row is skipped, nothing is replayed twice");
        assertEquals(2, b.size());
        KafkaTopics.assertContinuousFromOne(a);
        KafkaTopics.assertContinuousFromOne(b);

        assertEquals(List.of(100.5, 101.25, 99.75, 102.0), a.stream().map(t -> t.data().get("price").asDouble()).toList());
        assertEquals(List.of(50L, 51L), b.stream().map(t -> t.data().get("price").asLong()).toList());
        assertEquals(100.4, a.get(0).data().get("bid").asDouble());
        assertEquals(100.6, a.get(0).data().get("ask").asDouble());
        assertEquals(10, a.get(0).data().get("volume").asInt());
        assertFalse(a.get(2).data().has("bid"), "an empty cell is left out");
        assertEquals(Set.of("replay"), Set.copyOf(a.stream().map(Tick::feed).toList()));

        // Event times keep the recording's spacing, divided by the speed (recorded offsets 0, 500, 1000, 3000 ms).
        long start = a.get(0).ts();
        assertEquals(List.of(0L, 25L, 50L, 150L), a.stream().map(t -> t.ts() - start).toList());
        assertEquals(List.of(12L, 100L), b.stream().map(t -> t.ts() - start).toList());
    }

    @Test
    void sportsScoresFlowWithContinuousSeqs() {
        String symbol = "score.LAL-BOS";
        await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, symbol).size() >= 10);
        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, symbol);
        KafkaTopics.assertContinuousFromOne(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            var score = ticks.get(i).data();
            assertEquals("LAL", score.get("home").asText());
            assertEquals("BOS", score.get("away").asText());
            assertTrue(score.get("period").asInt() >= 1);
            assertTrue(Set.of("live", "final").contains(score.get("status").asText()));
            if (i > 0 && ticks.get(i - 1).data().get("status").asText().equals("live")) {
                assertTrue(score.get("homeScore").asInt() >= ticks.get(i - 1).data().get("homeScore").asInt(),
                        "scores only go up during a game");
            }
        }
    }

    @Test
    void sensorReadingsFlowWithContinuousSeqs() {
        String symbol = "sensor.temp-1";
        await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, symbol).size() >= 10);
        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, symbol);
        KafkaTopics.assertContinuousFromOne(ticks);
        for (Tick tick : ticks) {
            assertEquals("sensor", tick.feed());
            assertEquals("C", tick.data().get("unit").asText());
            double value = tick.data().get("value").asDouble();
            assertTrue(Double.isFinite(value) && value > -50 && value < 100, "a plausible reading: " + value);
        }
    }

    @Test
    void theMarketFeedContinuesEverySymbolsSeqAcrossServiceRestarts() {
        // Every earlier instance of the service in this JVM published AAPL too; this one recovered its seq.
        await().atMost(PATIENCE).until(() -> KafkaTopics.ticks(Topics.TICKER_TICKS, "AAPL").size() >= 5);
        KafkaTopics.assertContinuousFromOne(KafkaTopics.ticks(Topics.TICKER_TICKS, "AAPL"));
    }
}
