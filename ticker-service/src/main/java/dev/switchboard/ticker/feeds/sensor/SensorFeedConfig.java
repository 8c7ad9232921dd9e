package dev.switchboard.ticker.feeds.sensor;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The simulated IoT sensor feed; off by default. Bounds: {@link dev.switchboard.ticker.config.TickerConfigRules}. */
@ConfigMapping(prefix = "switchboard.ticker.feeds.sensor")
public interface SensorFeedConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("sensor.temp-1,sensor.temp-2,sensor.temp-3")
    List<String> sensors();

    /** Readings per second of each sensor. */
    @WithDefault("1")
    double ratePerSecond();

    /** The level readings revert to. */
    @WithDefault("21.0")
    double baseline();

    /** Noise of a reading, in the unit, per square root of a second. */
    @WithDefault("0.3")
    double noise();

    /** How fast readings revert to the baseline, per second. */
    @WithDefault("0.1")
    double reversion();

    @WithDefault("C")
    String unit();

    Optional<Long> seed();
}
