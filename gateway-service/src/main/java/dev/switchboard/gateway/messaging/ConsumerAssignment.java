package dev.switchboard.gateway.messaging;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tracks whether the events consumer is live: partitions assigned and their (latest) positions resolved, so that
 * anything produced from then on reaches this replica. Readiness waits for it.
 */
@ApplicationScoped
@Identifier(ConsumerAssignment.NAME)
public class ConsumerAssignment implements KafkaConsumerRebalanceListener {

    public static final String NAME = "gateway-events-assignment";

    private static final Logger LOG = Logger.getLogger(ConsumerAssignment.class);

    private volatile boolean live;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Resolving positions now (on the polling thread) pins "latest" before readiness reports it.
        for (TopicPartition partition : partitions) {
            consumer.position(partition);
        }
        live = !partitions.isEmpty();
        LOG.infof("Events consumer assigned %d partitions", partitions.size());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        live = false;
    }

    public boolean isLive() {
        return live;
    }
}
