package dev.switchboard.ticker.feeds.market;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The synthetic market feed: on by default, at a modest rate, so an idle platform stays cheap. Bounds:
 * {@link dev.switchboard.ticker.config.TickerConfigRules}.
 */
@ConfigMapping(prefix = "switchboard.ticker.feeds.market")
public interface MarketFeedConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("AAPL,MSFT,GOOG,AMZN,TSLA")
    List<String> symbols();

    /** Quotes per second of each symbol. */
    @WithDefault("5")
    double ratePerSecond();

    /** Annualized volatility (sigma) of the geometric Brownian motion. */
    @WithDefault("0.4")
    double volatility();

    /** Annualized drift (mu). */
    @WithDefault("0.05")
    double drift();

    /** Simulated seconds per real second: at 60 one real minute moves prices like an hour of trading would. */
    @WithDefault("60")
    double timeScale();

    /** Bid-ask spread, basis points of the price. */
    @WithDefault("5")
    int spreadBps();

    /** Seed of the random walk, for reproducible runs. */
    Optional<Long> seed();
}
