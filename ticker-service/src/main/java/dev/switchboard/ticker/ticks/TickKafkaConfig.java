package dev.switchboard.ticker.ticks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How ticks reach Kafka. The producer batches aggressively (linger, large batches, lz4): thousands of small ticks a
 * second compress well and a few milliseconds of latency cost a live chart nothing. Bounds:
 * {@link dev.switchboard.ticker.config.TickerConfigRules}.
 */
@ConfigMapping(prefix = "switchboard.ticker.kafka")
public interface TickKafkaConfig {

    /** How long the producer waits to fill a batch. */
    @WithDefault("5")
    int lingerMs();

    /** Upper bound of one partition batch, bytes. */
    @WithDefault("262144")
    int batchSize();

    /** Memory for records not yet sent; a full buffer blocks the feeds (back-pressure) rather than dropping ticks. */
    @WithDefault("67108864")
    long bufferMemory();

    @WithDefault("lz4")
    String compression();

    @WithDefault("all")
    String acks();

    /** How long a send may block when metadata is missing or the buffer is full. */
    @WithDefault("30s")
    Duration maxBlock();

    /** How long startup may take to read ticker.snapshots to its end. */
    @WithDefault("60s")
    Duration recoveryTimeout();

    /** How many of the last records of each ticker.ticks partition recovery reads beside the snapshots. */
    @WithDefault("10000")
    int recoveryTailRecords();

    @WithDefault("ticker-service")
    String clientId();
}
