package dev.switchboard.ticker.candles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.switchboard.contracts.ticker.Candle;
import dev.switchboard.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interactive queries on the candle window stores. One ticker-service instance owns every partition, so the local
 * store holds every symbol.
 */
@ApplicationScoped
public class CandleStore {

    private final KafkaStreams streams;

    public CandleStore(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Candles of a symbol whose window starts within [from, to], oldest first; in-progress windows included. */
    public List<Candle> candles(String symbol, CandleInterval interval, long from, long to) {
        List<Candle> candles = new ArrayList<>();
        try (WindowStoreIterator<CandleAggregate> windows = store(interval)
                .fetch(symbol, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (windows.hasNext()) {
                KeyValue<Long, CandleAggregate> window = windows.next();
                if (window.value != null && window.value.count() > 0) {
                    candles.add(window.value.toCandle(symbol, interval, window.key));
                }
            }
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
        return candles;
    }

    private ReadOnlyWindowStore<String, CandleAggregate> store(CandleInterval interval) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw unavailable();
        }
        return streams.store(StoreQueryParameters.fromNameAndType(interval.storeName(),
                QueryableStoreTypes.<String, CandleAggregate>windowStore()));
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "unavailable", "Candles are being restored; retry shortly");
    }
}
