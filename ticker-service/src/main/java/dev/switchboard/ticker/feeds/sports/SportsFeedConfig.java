package dev.switchboard.ticker.feeds.sports;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

/** The simulated basketball scores feed; off by default. */
@ConfigMapping(prefix = "switchboard.ticker.feeds.sports")
public interface SportsFeedConfig {

    @WithDefault("false")
    boolean enabled();

    /** Games as HOME-AWAY team codes; each becomes the symbol score.HOME-AWAY. */
    @WithDefault("LAL-BOS,NYK-MIA,GSW-DEN")
    @NotEmpty
    List<@Pattern(regexp = "[A-Za-z0-9]{1,20}-[A-Za-z0-9]{1,20}") String> games();

    /** Score updates per second of each game. */
    @WithDefault("0.5")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1000")
    double ratePerSecond();

    Optional<Long> seed();
}
