package dev.switchboard.ticker.feeds.market;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.ticker.feeds.PacedFeed;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.inject.Singleton;

/** Synthetic stock quotes: each symbol's price follows a geometric Brownian motion, with bid, ask and trade volume. */
@Singleton
public class MarketFeed extends PacedFeed {

    public static final String NAME = "market";

    private final MarketFeedConfig config;
    private final GeometricBrownianMotion motion;

    public MarketFeed(MarketFeedConfig config) {
        super(NAME, config.enabled(), config.ratePerSecond(), config.seed());
        this.config = config;
        this.motion = new GeometricBrownianMotion(config.drift(), config.volatility());
    }

    @Override
    protected LongConsumer prepare(TickPublisher publisher) {
        List<Instrument> instruments = config.symbols().stream()
                .distinct()
                .map(symbol -> new Instrument(symbol, startingPrice(publisher, symbol), config.spreadBps()))
                .toList();
        SplittableRandom random = random();
        double elapsedPerRound = config.timeScale() / config.ratePerSecond();
        return now -> {
            for (Instrument instrument : instruments) {
                instrument.step(motion, elapsedPerRound, random);
                publisher.publish(instrument.symbol, NAME, now, instrument);
            }
        };
    }

    /** Continues from the last published price, so a restart does not make the chart jump. */
    private static double startingPrice(TickPublisher publisher, String symbol) {
        return publisher.latest(symbol)
                .map(tick -> tick.data() == null ? null : tick.data().get("price"))
                .filter(JsonNode::isNumber)
                .map(JsonNode::asDouble)
                .filter(price -> price > 0 && Double.isFinite(price))
                .orElseGet(() -> 20.0 + Math.floorMod(symbol.hashCode(), 480));
    }
}
