package dev.switchboard.gateway.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.gateway.fanout.HeldDrains;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The replica's one Kafka consumer (group "gateway-" + replica id, from the latest offset) of every topic the gateway
 * fans out, dispatching each record to the feature that owns the topic. A record that cannot be parsed or handled is
 * logged and skipped: one poison record must not stop the fan-out. Records come a poll at a time, and the poll's
 * writes to each connection go out together ({@link HeldDrains}).
 */
@ApplicationScoped
public class GatewayEventsConsumer {

    private static final Logger LOG = Logger.getLogger(GatewayEventsConsumer.class);

    /**
     * A large poll is released in parts: the first records need not wait for the last ones, and no connection's
     * queue takes more than this many of them at once (its bound is 1,000 by default).
     */
    private static final int RECORDS_PER_RELEASE = 64;

    private final ObjectMapper json;
    private final Map<String, TopicListener<?>> listeners = new HashMap<>();

    public GatewayEventsConsumer(ObjectMapper json, Instance<TopicListener<?>> listeners) {
        this.json = json;
        for (TopicListener<?> listener : listeners) {
            this.listeners.put(listener.topic(), listener);
        }
    }

    @Incoming("gateway-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        try (HeldDrains held = HeldDrains.hold()) {
            int dispatched = 0;
            for (ConsumerRecord<String, String> record : records) {
                TopicListener<?> listener = listeners.get(record.topic());
                if (listener != null && record.value() != null) {
                    dispatch(listener, record);
                }
                if (++dispatched % RECORDS_PER_RELEASE == 0) {
                    held.release();
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    private <T> void dispatch(TopicListener<T> listener, ConsumerRecord<String, String> record) {
        T event;
        try {
            event = json.readValue(record.value(), listener.type());
        } catch (Exception e) {
            LOG.warnf("Skipping unreadable record on %s (partition %d, offset %d): %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Failed to handle a record of %s (partition %d, offset %d)", record.topic(),
                    record.partition(), record.offset());
        }
    }
}
