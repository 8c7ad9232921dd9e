package dev.switchboard.ticker.config;

import java.util.regex.Pattern;

import dev.switchboard.contracts.config.Bounds;
import dev.switchboard.contracts.config.ConfigRules;
import dev.switchboard.ticker.feeds.market.MarketFeedConfig;
import dev.switchboard.ticker.feeds.replay.ReplayFeedConfig;
import dev.switchboard.ticker.feeds.sensor.SensorFeedConfig;
import dev.switchboard.ticker.feeds.sports.SportsFeedConfig;
import dev.switchboard.ticker.ingest.IngestConfig;
import dev.switchboard.ticker.ticks.TickKafkaConfig;

/**
 * The bounds of ticker-service's settings, checked when the configuration is built. SmallRye keeps one validator, so
 * every mapping of the service is here; {@code CandleConfig} has no bounds.
 */
public final class TickerConfigRules extends ConfigRules {

    private static final Pattern GAME = Pattern.compile("[A-Za-z0-9]{1,20}-[A-Za-z0-9]{1,20}");
    private static final Pattern COMPRESSION = Pattern.compile("none|gzip|snappy|lz4|zstd");
    private static final Pattern ACKS = Pattern.compile("0|1|all|-1");

    @Override
    protected void check(Object mapping, Bounds bounds) {
        if (mapping instanceof TickKafkaConfig kafka) {
            bounds.between("linger-ms", kafka.lingerMs(), 0, 1000)
                    .atLeast("batch-size", kafka.batchSize(), 1024)
                    .atLeast("buffer-memory", kafka.bufferMemory(), 1_048_576)
                    .matches("compression", kafka.compression(), COMPRESSION, "one of none, gzip, snappy, lz4, zstd")
                    .matches("acks", kafka.acks(), ACKS, "one of 0, 1, all, -1")
                    .atLeast("recovery-tail-records", kafka.recoveryTailRecords(), 0)
                    .notBlank("client-id", kafka.clientId());
        } else if (mapping instanceof MarketFeedConfig market) {
            bounds.notEmpty("symbols", market.symbols())
                    .eachId("symbols", market.symbols())
                    .positiveAtMost("rate-per-second", market.ratePerSecond(), 100_000)
                    .between("volatility", market.volatility(), 0, 5)
                    .between("drift", market.drift(), -5, 5)
                    .positive("time-scale", market.timeScale())
                    .between("spread-bps", market.spreadBps(), 0, 10_000);
        } else if (mapping instanceof SportsFeedConfig sports) {
            bounds.notEmpty("games", sports.games())
                    .eachMatches("games", sports.games(), GAME, "HOME-AWAY, two codes of 1-20 letters or digits")
                    .positiveAtMost("rate-per-second", sports.ratePerSecond(), 1000);
        } else if (mapping instanceof SensorFeedConfig sensor) {
            bounds.notEmpty("sensors", sensor.sensors())
                    .eachId("sensors", sensor.sensors())
                    .positiveAtMost("rate-per-second", sensor.ratePerSecond(), 1000)
                    .atLeast("noise", sensor.noise(), 0.0)
                    .between("reversion", sensor.reversion(), 0, 100)
                    .notBlank("unit", sensor.unit());
        } else if (mapping instanceof ReplayFeedConfig replay) {
            bounds.positiveAtMost("speed", replay.speed(), 1_000_000);
        } else if (mapping instanceof IngestConfig ingest) {
            bounds.between("max-batch", ingest.maxBatch(), 1, 100_000);
        }
    }
}
