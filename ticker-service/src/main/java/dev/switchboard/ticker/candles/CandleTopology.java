package dev.switchboard.ticker.candles;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Candle;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * OHLCV candles of every priced tick, per symbol, over 1 s and 1 min event-time windows. Each window's aggregate is
 * kept in a queryable window store and every change is emitted to ticker.candles (conflated by the record cache to
 * about one update per window per commit interval); the last candle of a (symbol, interval, start) is the final one.
 */
@ApplicationScoped
public class CandleTopology {

    private final CandleConfig config;

    public CandleTopology(CandleConfig config) {
        this.config = config;
    }

    @Produces
    public Topology candles() {
        Serde<PricePoint> ticks = new PricePointSerde();
        Serde<CandleAggregate> aggregates = new CandleAggregateSerde();
        Serde<Candle> candles = new ObjectMapperSerde<>(Candle.class);

        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, PricePoint> bySymbol = builder
                .stream(Topics.TICKER_TICKS, Consumed.with(Serdes.String(), ticks)
                        .withTimestampExtractor(new TickTimestampExtractor()))
                .filter((symbol, tick) -> symbol != null && tick != null && tick.priced())
                .groupByKey(Grouped.with(Serdes.String(), ticks));

        for (CandleInterval interval : CandleInterval.values()) {
            CandleConfig.Window window = config.of(interval);
            bySymbol.windowedBy(TimeWindows.ofSizeAndGrace(interval.size(), window.grace()))
                    .aggregate(CandleAggregate::empty, (symbol, tick, aggregate) -> aggregate.plus(tick),
                            Materialized.<String, CandleAggregate, WindowStore<Bytes, byte[]>>as(interval.storeName())
                                    .withKeySerde(Serdes.String())
                                    .withValueSerde(aggregates)
                                    .withRetention(max(window.retention(), interval.size().plus(window.grace()))))
                    .toStream()
                    .filter((windowed, aggregate) -> aggregate != null)
                    .map((windowed, aggregate) -> KeyValue.pair(windowed.key(),
                            aggregate.toCandle(windowed.key(), interval, windowed.window().start())))
                    .to(Topics.TICKER_CANDLES, Produced.with(Serdes.String(), candles));
        }
        return builder.build();
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
