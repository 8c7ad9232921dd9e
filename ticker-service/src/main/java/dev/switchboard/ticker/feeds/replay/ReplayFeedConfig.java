package dev.switchboard.ticker.feeds.replay;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Replays a CSV file of recorded values; off by default. Bounds:
 * {@link dev.switchboard.ticker.config.TickerConfigRules}.
 */
@ConfigMapping(prefix = "switchboard.ticker.feeds.replay")
public interface ReplayFeedConfig {

    @WithDefault("false")
    boolean enabled();

    /** The CSV file: a header with ts and symbol columns, then one value per row in time order. */
    Optional<Path> file();

    /** 1 replays at the recorded pace, 10 ten times faster, 0.5 at half speed. */
    @WithDefault("1")
    double speed();

    /** Start over at the end of the file. */
    @WithDefault("false")
    boolean loop();

    /** Keep the recorded timestamps instead of moving them to the replay time (scaled like the pace). */
    @WithDefault("false")
    boolean keepTimestamps();
}
