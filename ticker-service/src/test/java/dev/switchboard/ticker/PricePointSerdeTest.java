package dev.switchboard.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.switchboard.ticker.candles.CandleAggregate;
import dev.switchboard.ticker.candles.CandleAggregateSerde;
import dev.switchboard.ticker.candles.PricePoint;
import dev.switchboard.ticker.candles.PricePointSerde;

/** Pure logic of the candle serdes: what a tick contributes to a candle, and the store format. */
class PricePointSerdeTest {

    private final PricePointSerde serde = new PricePointSerde();

    private PricePoint read(String json) {
        return serde.deserialize("ticker.ticks", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsPriceVolumeSeqAndTsOfATick() {
        PricePoint point = read("{\"symbol\":\"A\",\"seq\":7,\"feed\":\"market\","
                + "\"data\":{\"price\":12.5,\"bid\":12.4,\"ask\":12.6,\"volume\":30,\"extra\":{\"x\":[1,2]}},\"ts\":1234}");
        assertEquals(new PricePoint(1234, 7, 12.5, 30), point);
    }

    @Test
    void sensorValuesArePricesAndOtherTicksAreUnpriced() {
        assertEquals(21.5, read("{\"seq\":1,\"data\":{\"value\":21.5,\"unit\":\"C\"},\"ts\":5}").price());
        assertFalse(read("{\"seq\":1,\"data\":{\"home\":\"LAL\",\"homeScore\":3},\"ts\":5}").priced());
        assertFalse(read("{\"seq\":1,\"data\":{\"price\":\"high\",\"value\":3},\"ts\":5}").priced());
        assertEquals(0, read("{\"seq\":1,\"data\":{\"price\":1,\"volume\":\"lots\"},\"ts\":5}").volume());
    }

    @Test
    void garbageIsDroppedNotThrown() {
        assertNull(read("not json"));
        assertNull(read("[1,2,3]"));
        assertNull(read("{\"seq\":1,\"data\":{\"price\":"));
        assertNull(serde.deserialize("ticker.ticks", null));
    }

    @Test
    void writesWhatItReads() {
        PricePoint point = new PricePoint(99, 3, 1.25, 4);
        assertEquals(point, serde.deserialize("t", serde.serialize("t", point)));
    }

    @Test
    void aggregatesSurviveTheStoreFormat() {
        CandleAggregate aggregate = CandleAggregate.empty()
                .plus(new PricePoint(10, 1, 5.0, 1))
                .plus(new PricePoint(5, 2, 4.0, 2));
        CandleAggregateSerde store = new CandleAggregateSerde();
        assertEquals(aggregate, store.deserialize("s", store.serialize("s", aggregate)));
        assertEquals(4.0, aggregate.open(), "the earlier event opens the candle, whatever the arrival order");
        assertEquals(5.0, aggregate.close());
        assertTrue(aggregate.count() == 2 && aggregate.volume() == 3.0);
    }
}
