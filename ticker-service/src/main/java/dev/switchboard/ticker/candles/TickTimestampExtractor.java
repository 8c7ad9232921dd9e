package dev.switchboard.ticker.candles;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Candles follow event time: Tick.ts, not the moment Kafka received the record. */
public class TickTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof PricePoint tick && tick.ts() >= 0) {
            return tick.ts();
        }
        // Unreadable or timeless: keep stream time where it is rather than failing the task.
        return partitionTime >= 0 ? partitionTime : record.timestamp();
    }
}
