package dev.switchboard.ticker.candles;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.ticker.Candle;
import dev.switchboard.contracts.ticker.Tick;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The running OHLCV of one window. Open and close follow event time (ties by seq), not arrival order, so a tick
 * that arrives late but within the grace period still lands in the right place.
 */
@RegisterForReflection
public record CandleAggregate(double open, double high, double low, double close, double volume, long count,
        long openTs, long openSeq, long closeTs, long closeSeq) {

    public static CandleAggregate empty() {
        return new CandleAggregate(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The candle price of a tick: data.price, or data.value for sensor-like feeds; NaN when it has neither. */
    public static double priceOf(Tick tick) {
        JsonNode data = tick.data();
        if (data == null) {
            return Double.NaN;
        }
        JsonNode price = data.has("price") ? data.get("price") : data.get("value");
        return price != null && price.isNumber() ? price.asDouble() : Double.NaN;
    }

    public static boolean hasPrice(Tick tick) {
        double price = priceOf(tick);
        return Double.isFinite(price);
    }

    private static double volumeOf(Tick tick) {
        JsonNode volume = tick.data().get("volume");
        return volume != null && volume.isNumber() && Double.isFinite(volume.asDouble()) ? volume.asDouble() : 0;
    }

    public CandleAggregate plus(Tick tick) {
        double price = priceOf(tick);
        if (count == 0) {
            return new CandleAggregate(price, price, price, price, volumeOf(tick), 1, tick.ts(), tick.seq(), tick.ts(), tick.seq());
        }
        boolean opens = tick.ts() < openTs || (tick.ts() == openTs && tick.seq() < openSeq);
        boolean closes = tick.ts() > closeTs || (tick.ts() == closeTs && tick.seq() >= closeSeq);
        return new CandleAggregate(
                opens ? price : open,
                Math.max(high, price),
                Math.min(low, price),
                closes ? price : close,
                volume + volumeOf(tick),
                count + 1,
                opens ? tick.ts() : openTs,
                opens ? tick.seq() : openSeq,
                closes ? tick.ts() : closeTs,
                closes ? tick.seq() : closeSeq);
    }

    public Candle toCandle(String symbol, CandleInterval interval, long start) {
        return new Candle(symbol, interval.label(), start, start + interval.size().toMillis(),
                open, high, low, close, volume, count);
    }
}
