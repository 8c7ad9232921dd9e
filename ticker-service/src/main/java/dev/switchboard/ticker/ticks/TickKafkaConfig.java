package dev.switchboard.ticker.ticks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * How ticks reach Kafka. The producer batches aggressively (linger, large batches, lz4): thousands of small ticks a
 * second compress well and a few milliseconds of latency cost a live chart nothing.
 */
@ConfigMapping(prefix = "switchboard.ticker.kafka")
public interface TickKafkaConfig {

    /** How long the producer waits to fill a batch. */
    @WithDefault("5")
    @Min(0)
    @Max(1000)
    int lingerMs();

    /** Upper bound of one partition batch, bytes. */
    @WithDefault("262144")
    @Min(1024)
    int batchSize();

    /** Memory for records not yet sent; a full buffer blocks the feeds (back-pressure) rather than dropping ticks. */
    @WithDefault("67108864")
    @Min(1048576)
    long bufferMemory();

    @WithDefault("lz4")
    @Pattern(regexp = "none|gzip|snappy|lz4|zstd")
    String compression();

    @WithDefault("all")
    @Pattern(regexp = "0|1|all|-1")
    String acks();

    /** How long a send may block when metadata is missing or the buffer is full. */
    @WithDefault("30s")
    Duration maxBlock();

    /** How long startup may take to read ticker.snapshots to its end. */
    @WithDefault("60s")
    Duration recoveryTimeout();

    /** How many of the last records of each ticker.ticks partition recovery reads beside the snapshots. */
    @WithDefault("10000")
    @Min(0)
    int recoveryTailRecords();

    @WithDefault("ticker-service")
    @NotBlank
    String clientId();
}
