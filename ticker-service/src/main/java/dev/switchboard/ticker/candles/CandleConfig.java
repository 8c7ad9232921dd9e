package dev.switchboard.ticker.candles;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Lateness and retention of the candle windows. A tick later than the grace period (in event time, per partition)
 * no longer changes its candle; retention bounds how far back GET .../candles reaches.
 */
@ConfigMapping(prefix = "switchboard.ticker.candles")
public interface CandleConfig {

    Window oneSecond();

    Window oneMinute();

    interface Window {
        /** How late (event time) a tick may arrive and still count. */
        @WithDefault("2s")
        Duration grace();

        /** How long candles stay queryable; at least the window size plus the grace. */
        @WithDefault("24h")
        Duration retention();
    }

    default Window of(CandleInterval interval) {
        return interval == CandleInterval.ONE_SECOND ? oneSecond() : oneMinute();
    }
}
