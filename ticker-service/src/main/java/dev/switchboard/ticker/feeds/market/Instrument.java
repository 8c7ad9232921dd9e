package dev.switchboard.ticker.feeds.market;

import java.io.IOException;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.switchboard.ticker.ticks.TickData;

/**
 * The simulated state of one symbol. It is its own {@link TickData}: the feed thread moves it, then the publisher
 * encodes it at once, so a quote needs no object of its own.
 */
final class Instrument implements TickData {

    final String symbol;
    private final double halfSpread;
    private double price;
    private double bid;
    private double ask;
    private long volume;

    Instrument(String symbol, double price, int spreadBps) {
        this.symbol = symbol;
        this.price = price;
        this.halfSpread = spreadBps / 20_000.0;
    }

    void step(GeometricBrownianMotion motion, double elapsedSeconds, RandomGenerator random) {
        price = motion.next(price, elapsedSeconds, random.nextGaussian());
        bid = round(price * (1 - halfSpread));
        ask = round(price * (1 + halfSpread));
        // Trade sizes are heavy-tailed: mostly small, now and then a block.
        volume = 1 + (long) (-Math.log(1 - random.nextDouble()) * 100);
    }

    double price() {
        return price;
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("price", round(price));
        json.writeNumberField("bid", bid);
        json.writeNumberField("ask", ask);
        json.writeNumberField("volume", volume);
        json.writeEndObject();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
