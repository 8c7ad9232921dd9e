package dev.switchboard.ticker.candles;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A fixed 80-byte binary form of {@link CandleAggregate} for the window stores: every tick reads and writes its two
 * windows' aggregates through the store cache, so the format is kept as cheap as it gets.
 */
public final class CandleAggregateSerde implements Serde<CandleAggregate> {

    private static final int SIZE = 10 * Long.BYTES;

    @Override
    public Serializer<CandleAggregate> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<CandleAggregate> deserializer() {
        return this::deserialize;
    }

    public byte[] serialize(String topic, CandleAggregate aggregate) {
        if (aggregate == null) {
            return null;
        }
        return ByteBuffer.allocate(SIZE)
                .putDouble(aggregate.open()).putDouble(aggregate.high()).putDouble(aggregate.low())
                .putDouble(aggregate.close()).putDouble(aggregate.volume()).putLong(aggregate.count())
                .putLong(aggregate.openTs()).putLong(aggregate.openSeq())
                .putLong(aggregate.closeTs()).putLong(aggregate.closeSeq())
                .array();
    }

    public CandleAggregate deserialize(String topic, byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new CandleAggregate(buffer.getDouble(), buffer.getDouble(), buffer.getDouble(), buffer.getDouble(),
                buffer.getDouble(), buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong(),
                buffer.getLong());
    }
}
