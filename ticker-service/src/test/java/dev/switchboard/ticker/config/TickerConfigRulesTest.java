package dev.switchboard.ticker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.ticker.candles.CandleConfig;
import dev.switchboard.ticker.feeds.market.MarketFeedConfig;
import dev.switchboard.ticker.feeds.replay.ReplayFeedConfig;
import dev.switchboard.ticker.feeds.sensor.SensorFeedConfig;
import dev.switchboard.ticker.feeds.sports.SportsFeedConfig;
import dev.switchboard.ticker.ingest.IngestConfig;
import dev.switchboard.ticker.ticks.TickKafkaConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The rules as the service loads them: found through META-INF/services, run when the mappings are built. */
class TickerConfigRulesTest {

    private static SmallRyeConfig build(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .addDiscoveredCustomizers()
                // Quarkus' own duration format ("200ms"), as the service reads it
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(TickKafkaConfig.class)
                .withMapping(MarketFeedConfig.class)
                .withMapping(SportsFeedConfig.class)
                .withMapping(SensorFeedConfig.class)
                .withMapping(ReplayFeedConfig.class)
                .withMapping(IngestConfig.class)
                .withMapping(CandleConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
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
        ConfigValidationException thrown = assertThrows(ConfigValidationException.class, () -> build(Map.of(
                "switchboard.ticker.kafka.linger-ms", "1001",
                "switchboard.ticker.kafka.compression", "brotli",
                "switchboard.ticker.feeds.market.rate-per-second", "0",
                "switchboard.ticker.feeds.market.symbols", "AAPL,BRK/B",
                "switchboard.ticker.feeds.sports.games", "LAL-BOS,LAL",
                "switchboard.ticker.feeds.sensor.noise", "-0.1",
                "switchboard.ticker.ingest.max-batch", "0")));
        String message = thrown.getMessage();
        assertEquals(7, thrown.getProblemCount(), message);
        for (String problem : List.of(
                "switchboard.ticker.kafka.linger-ms must be between 0 and 1000 (is 1001)",
                "switchboard.ticker.kafka.compression must be one of none, gzip, snappy, lz4, zstd (is brotli)",
                "switchboard.ticker.feeds.market.rate-per-second must be greater than 0 and at most 100000.0 (is 0.0)",
                "switchboard.ticker.feeds.market.symbols must be 1-128 letters, digits, '_', '.' or '-' (is BRK/B)",
                "switchboard.ticker.feeds.sports.games must be HOME-AWAY, two codes of 1-20 letters or digits (is LAL)",
                "switchboard.ticker.feeds.sensor.noise must be at least 0.0 (is -0.1)",
                "switchboard.ticker.ingest.max-batch must be between 1 and 100000 (is 0)")) {
            assertTrue(message.contains(problem), message);
        }
    }

    @Test
    void anEmptyListIsRefused() {
        // SmallRye itself turns "" and "," into a missing value, so an empty list only reaches the rules in code
        ConfigValidationException byConfig = assertThrows(ConfigValidationException.class,
                () -> build(Map.of("switchboard.ticker.feeds.sports.games", ",")));
        assertTrue(byConfig.getMessage().contains("switchboard.ticker.feeds.sports.games"), byConfig.getMessage());

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
