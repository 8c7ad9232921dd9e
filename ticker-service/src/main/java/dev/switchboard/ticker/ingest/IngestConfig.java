package dev.switchboard.ticker.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the HTTP ingest API. Bounds: {@link dev.switchboard.ticker.config.TickerConfigRules}. */
@ConfigMapping(prefix = "switchboard.ticker.ingest")
public interface IngestConfig {

    /** How far in the future a quote's ts may lie (clock skew between producer and service). */
    @WithDefault("5s")
    Duration maxFutureSkew();

    /** The most quotes one request may carry. */
    @WithDefault("1000")
    int maxBatch();

    /** How long a request waits for Kafka to acknowledge its quotes before answering 503. */
    @WithDefault("10s")
    Duration ackTimeout();
}
