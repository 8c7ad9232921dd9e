package dev.switchboard.ticker.feeds.market;

import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.ticker.feeds.Feed;
import dev.switchboard.ticker.feeds.PacedLoop;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/** Synthetic stock quotes: each symbol's price follows a geometric Brownian motion, with bid, ask and trade volume. */
@ApplicationScoped
public class MarketFeed implements Feed {

    public static final String NAME = "market";

    private final MarketFeedConfig config;
    private final GeometricBrownianMotion motion;
    private PacedLoop loop;

    public MarketFeed(MarketFeedConfig config) {
        this.config = config;
        this.motion = new GeometricBrownianMotion(config.drift(), config.volatility());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public synchronized void start(TickPublisher publisher) {
        if (running()) {
            return;
        }
        List<Instrument> instruments = config.symbols().stream()
                .distinct()
                .map(symbol -> new Instrument(symbol, startingPrice(publisher, symbol), config.spreadBps()))
                .toList();
        SplittableRandom random = config.seed().map(SplittableRandom::new).orElseGet(SplittableRandom::new);
        double elapsedPerRound = config.timeScale() / config.ratePerSecond();
        loop = new PacedLoop(NAME, config.ratePerSecond(), now -> {
            for (Instrument instrument : instruments) {
                instrument.step(motion, elapsedPerRound, random);
                publisher.publish(instrument.symbol, NAME, now, instrument);
            }
        });
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Override
    public boolean running() {
        return loop != null && loop.running();
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
