package dev.switchboard.ticker.candles;

/**
 * What a candle needs of a tick: event time, seq (to order ticks of equal time), price and volume. The candle price
 * is data.price, or data.value for sensor-like feeds; NaN when there is neither (such ticks get no candles).
 */
public record PricePoint(long ts, long seq, double price, double volume) {

    public boolean priced() {
        return Double.isFinite(price);
    }
}
