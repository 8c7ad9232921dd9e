package dev.switchboard.contracts.ticker;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An OHLCV candle of one symbol over one window, on {@code ticker.candles}, keyed by symbol.
 *
 * @param interval 1s or 1m
 * @param start    window start, epoch millis, inclusive
 * @param end      window end, epoch millis, exclusive
 * @param count    how many ticks the window holds
 */
@RegisterForReflection
public record Candle(String symbol, String interval, long start, long end,
        double open, double high, double low, double close, double volume, long count) {
}
