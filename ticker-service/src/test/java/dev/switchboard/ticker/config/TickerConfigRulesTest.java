package dev.switchboard.ticker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchboard.testing.ServiceConfig;
import dev.switchboard.ticker.candles.CandleConfig;
import dev.switchboard.ticker.feeds.market.MarketFeedConfig;
import dev.switchboard.ticker.feeds.replay.ReplayFeedConfig;
import dev.switchboard.ticker.feeds.sensor.SensorFeedConfig;
import dev.switchboard.ticker.feeds.sports.SportsFeedConfig;
import dev.switchboard.ticker.ingest.IngestConfig;
import dev.switchboard.ticker.ticks.TickKafkaConfig;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;

/** The rules as the service loads them: found through META-INF/services, run when the mappings are built. */
class TickerConfigRulesTest {

    private static final Class<?>[] MAPPINGS = { TickKafkaConfig.class, MarketFeedConfig.class, SportsFeedConfig.class,
            SensorFeedConfig.class, ReplayFeedConfig.class, IngestConfig.class, CandleConfig.class };

    private static SmallRyeConfig build(Map<String, String> values) {
        return ServiceConfig.build(values, MAPPINGS);
    }

    @Test
    void theDefaultsAreWithinBounds() {
        SmallRyeConfig config = build(Map.of());
        assertEquals("lz4", config.getConfigMapping(TickKafkaConfig.class).compression());
        assertEquals(List.of("AAPL", "MSFT", "GOOG", "AMZN", "TSLA"),
                config.getConfigMapping(MarketFeedConfig.class).symbols());
        assertEquals(List.of("LAL-BOS", "NYK-MIA", "GSW-DEN"), config.getConfigMapping(SportsFeedConfig.class).games());
        assertEquals(0.3, config.getConfigMapping(SensorFeedConfig.class).noise());
        assertEquals(1.0, config.getConfigMapping(ReplayFeedConfig.class).speed());
        assertEquals(1000, config.getConfigMapping(IngestConfig.class).maxBatch());
        assertEquals(Duration.ofSeconds(2), config.getConfigMapping(CandleConfig.class).oneSecond().grace());
    }

    @Test
    void valuesOutOfBoundsStopTheBuildNamingEachProperty() {
        List<String> problems = ServiceConfig.problems(Map.of(
                "switchboard.ticker.kafka.linger-ms", "1001",
                "switchboard.ticker.kafka.compression", "brotli",
                "switchboard.ticker.feeds.market.rate-per-second", "0",
                "switchboard.ticker.feeds.market.symbols", "AAPL,BRK/B",
                "switchboard.ticker.feeds.sports.games", "LAL-BOS,LAL",
                "switchboard.ticker.feeds.sensor.noise", "-0.1",
                "switchboard.ticker.ingest.max-batch", "0"), MAPPINGS);
        // one list per mapping, in no set order between mappings
        assertEquals(Set.of(
                "switchboard.ticker.kafka.linger-ms must be between 0 and 1000 (is 1001)",
                "switchboard.ticker.kafka.compression must be one of none, gzip, snappy, lz4, zstd (is brotli)",
                "switchboard.ticker.feeds.market.rate-per-second must be greater than 0 and at most 100000.0 (is 0.0)",
                "switchboard.ticker.feeds.market.symbols must be an id (1-128 letters, digits, '_', '.' or '-') (is BRK/B)",
                "switchboard.ticker.feeds.sports.games must be HOME-AWAY, two codes of 1-20 letters or digits (is LAL)",
                "switchboard.ticker.feeds.sensor.noise must be at least 0.0 (is -0.1)",
                "switchboard.ticker.ingest.max-batch must be between 1 and 100000 (is 0)"), Set.copyOf(problems));
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void anEmptyListIsRefused() {
        // SmallRye itself turns "" and "," into a missing value, so an empty list only reaches the rules in code
        List<String> byConfig = ServiceConfig.problems(Map.of("switchboard.ticker.feeds.sports.games", ","), MAPPINGS);
        assertEquals(1, byConfig.size(), byConfig.toString());
        assertTrue(byConfig.get(0).contains("switchboard.ticker.feeds.sports.games"), byConfig.toString());

        ConfigValidationException byRules = assertThrows(ConfigValidationException.class,
                () -> new TickerConfigRules().validateMapping(SportsFeedConfig.class, "switchboard.ticker.feeds.sports",
                        new NoGames()));
        assertEquals(1, byRules.getProblemCount(), byRules.getMessage());
        assertTrue(byRules.getMessage().contains("switchboard.ticker.feeds.sports.games must not be empty (is [])"),
                byRules.getMessage());
    }

    private static final class NoGames implements SportsFeedConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public List<String> games() {
            return List.of();
        }

        @Override
        public double ratePerSecond() {
            return 0.5;
        }

        @Override
        public Optional<Long> seed() {
            return Optional.empty();
        }
    }
}
