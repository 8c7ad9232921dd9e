package dev.switchboard.ticker.feeds.market;

import java.util.List;
import java.util.Optional;

import dev.switchboard.contracts.Ids;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** The synthetic market feed: on by default, at a modest rate, so an idle platform stays cheap. */
@ConfigMapping(prefix = "switchboard.ticker.feeds.market")
public interface MarketFeedConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("AAPL,MSFT,GOOG,AMZN,TSLA")
    @NotEmpty
    List<@Pattern(regexp = Ids.ID_PATTERN) String> symbols();

    /** Quotes per second of each symbol. */
    @WithDefault("5")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100000")
    double ratePerSecond();

    /** Annualized volatility (sigma) of the geometric Brownian motion. */
    @WithDefault("0.4")
    @DecimalMin("0")
    @DecimalMax("5")
    double volatility();

    /** Annualized drift (mu). */
    @WithDefault("0.05")
    @DecimalMin("-5")
    @DecimalMax("5")
    double drift();

    /** Simulated seconds per real second: at 60 one real minute moves prices like an hour of trading would. */
    @WithDefault("60")
    @Positive
    double timeScale();

    /** Bid-ask spread, basis points of the price. */
    @WithDefault("5")
    @Min(0)
    @Max(10000)
    int spreadBps();

    /** Seed of the random walk, for reproducible runs. */
    Optional<Long> seed();
}
