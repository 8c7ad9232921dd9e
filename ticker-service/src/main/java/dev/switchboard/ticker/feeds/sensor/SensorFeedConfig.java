package dev.switchboard.ticker.feeds.sensor;

import java.util.List;
import java.util.Optional;

import dev.switchboard.contracts.Ids;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

/** The simulated IoT sensor feed; off by default. */
@ConfigMapping(prefix = "switchboard.ticker.feeds.sensor")
public interface SensorFeedConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("sensor.temp-1,sensor.temp-2,sensor.temp-3")
    @NotEmpty
    List<@Pattern(regexp = Ids.ID_PATTERN) String> sensors();

    /** Readings per second of each sensor. */
    @WithDefault("1")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1000")
    double ratePerSecond();

    /** The level readings revert to. */
    @WithDefault("21.0")
    double baseline();

    /** Noise of a reading, in the unit, per square root of a second. */
    @WithDefault("0.3")
    @DecimalMin("0")
    double noise();

    /** How fast readings revert to the baseline, per second. */
    @WithDefault("0.1")
    @DecimalMin("0")
    @DecimalMax("100")
    double reversion();

    @WithDefault("C")
    @NotBlank
    String unit();

    Optional<Long> seed();
}
