package dev.switchboard.gateway.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The replica's one Kafka consumer (group "gateway-" + replica id, from the latest offset) of every topic the gateway
 * fans out, dispatching each record to the feature that owns the topic. A record that cannot be parsed or handled is
 * logged and skipped: one poison record must not stop the fan-out.
 */
@ApplicationScoped
public class GatewayEventsConsumer {

    private static final Logger LOG = Logger.getLogger(GatewayEventsConsumer.class);

    private final ObjectMapper json;
    private final Map<String, TopicListener<?>> listeners = new HashMap<>();

    public GatewayEventsConsumer(ObjectMapper json, Instance<TopicListener<?>> listeners) {
        this.json = json;
        for (TopicListener<?> listener : listeners) {
            this.listeners.put(listener.topic(), listener);
        }
    }

    @Incoming("gateway-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        TopicListener<?> listener = listeners.get(record.topic());
        if (listener != null && record.value() != null) {
            dispatch(listener, record);
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
