package dev.switchboard.ticker.ticks;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the one {@link TickPublisher} of the service, once every symbol's seq is recovered ({@link SnapshotRecovery}). */
@ApplicationScoped
public class TickPublisherProducer {

    private final TickKafkaConfig config;
    private final String bootstrapServers;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public TickPublisherProducer(TickKafkaConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.mapper = mapper;
        this.registry = registry;
    }

    @Produces
    @Singleton
    TickEncoder encoder() {
        return new TickEncoder(mapper);
    }

    @Produces
    @Singleton
    TickPublisher publisher(TickEncoder encoder, SnapshotRecovery recovery) {
        Recovery recovered = recovery.recovery();
        TickPublisher publisher = new TickPublisher(
                new KafkaProducer<>(producerProperties(bootstrapServers, config),
                        new ByteArraySerializer(), new ByteArraySerializer()),
                encoder, recovered);
        FunctionCounter.builder("ticker.ticks.published", publisher, TickPublisher::sentCount)
                .description("Ticks handed to the Kafka producer").register(registry);
        FunctionCounter.builder("ticker.records.failed", publisher, TickPublisher::failedCount)
                .description("Tick and snapshot records Kafka did not accept").register(registry);
        return publisher;
    }

    void close(@Disposes TickPublisher publisher) {
        publisher.close();
    }

    /** Producer settings of the tick path; public so the throughput runner uses exactly the same ones. */
    public static Properties producerProperties(String bootstrapServers, TickKafkaConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId());
        props.put(ProducerConfig.ACKS_CONFIG, config.acks());
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize());
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.bufferMemory());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        // Idempotence keeps per-partition order (hence seq order) through retries.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, !"0".equals(config.acks()) && !"1".equals(config.acks()));
        return props;
    }
}
