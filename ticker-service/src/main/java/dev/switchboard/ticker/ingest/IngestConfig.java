package dev.switchboard.ticker.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits of the HTTP ingest API. */
@ConfigMapping(prefix = "switchboard.ticker.ingest")
public interface IngestConfig {

    /** How far in the future a quote's ts may lie (clock skew between producer and service). */
    @WithDefault("5s")
    Duration maxFutureSkew();

    /** The most quotes one request may carry. */
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int maxBatch();

    /** How long a request waits for Kafka to acknowledge its quotes before answering 503. */
    @WithDefault("10s")
    Duration ackTimeout();
}
