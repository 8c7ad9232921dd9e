package dev.switchboard.ticker.candles;

import dev.switchboard.contracts.ticker.Candle;

/**
 * The running OHLCV of one window. Open and close follow event time (ties by seq), not arrival order, so a tick
 * that arrives late but within the grace period still lands in the right place.
 */
public record CandleAggregate(double open, double high, double low, double close, double volume, long count,
        long openTs, long openSeq, long closeTs, long closeSeq) {

    public static CandleAggregate empty() {
        return new CandleAggregate(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0);
    }

    public CandleAggregate plus(PricePoint tick) {
        double price = tick.price();
        if (count == 0) {
            return new CandleAggregate(price, price, price, price, tick.volume(), 1, tick.ts(), tick.seq(), tick.ts(), tick.seq());
        }
        boolean opens = tick.ts() < openTs || (tick.ts() == openTs && tick.seq() < openSeq);
        boolean closes = tick.ts() > closeTs || (tick.ts() == closeTs && tick.seq() >= closeSeq);
        return new CandleAggregate(
                opens ? price : open,
                Math.max(high, price),
                Math.min(low, price),
                closes ? price : close,
                volume + tick.volume(),
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
