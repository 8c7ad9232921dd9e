package dev.switchboard.ticker.feeds.sports;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The simulated basketball scores feed; off by default. Bounds:
 * {@link dev.switchboard.ticker.config.TickerConfigRules}.
 */
@ConfigMapping(prefix = "switchboard.ticker.feeds.sports")
public interface SportsFeedConfig {

    @WithDefault("false")
    boolean enabled();

    /** Games as HOME-AWAY team codes; each becomes the symbol score.HOME-AWAY. */
    @WithDefault("LAL-BOS,NYK-MIA,GSW-DEN")
    List<String> games();

    /** Score updates per second of each game. */
    @WithDefault("0.5")
    double ratePerSecond();

    Optional<Long> seed();
}
