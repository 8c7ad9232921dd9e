package dev.switchboard.gateway.ticker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Reads the compacted ticker.snapshots once at start (no consumer group: partitions assigned, from the beginning to
 * the end offsets) so the latest value of every symbol is known before the first subscribe. Retries until the broker
 * answers; readiness waits for it.
 */
@ApplicationScoped
public class SnapshotBootstrap {

    private static final Logger LOG = Logger.getLogger(SnapshotBootstrap.class);

    private final LatestTicks latest;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private volatile boolean stopping;

    public SnapshotBootstrap(LatestTicks latest, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.latest = latest;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** First among the start-up observers: the read overlaps the rest of the start (Kafka channels, HTTP server). */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Thread thread = new Thread(this::loadUntilDone, "ticker-snapshot-bootstrap");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void loadUntilDone() {
        while (!stopping) {
            try {
                int loaded = load();
                latest.markBootstrapped();
                LOG.infof("Loaded the latest value of %d symbols from ticker snapshots", loaded);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Ticker snapshots not loaded yet (%s); retrying", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int load() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Bytes, not strings: only each symbol's last record is parsed, so decoding the others as UTF-8 was waste.
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        // Lives for a fraction of a second on the start-up path: no JMX beans for its metrics (a sixth of its time).
        props.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        // The end is known, so an empty fetch need not wait for data: with the default 500 ms, a fetch of the partitions
        // already read could hold back the next fetch of those still being read.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        int loaded = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKER_SNAPSHOTS, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            // A symbol's records arrive in seq order on its partition: only its last one (a tombstone retires it) is
            // parsed. The part of the topic not compacted yet holds one record per tick.
            Map<String, byte[]> lastOfSymbol = new HashMap<>();
            while (!stopping && !caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    lastOfSymbol.put(record.key(), record.value());
                }
            }
            for (byte[] value : lastOfSymbol.values()) {
                Tick tick = value == null ? null : parse(value);
                if (tick != null && tick.symbol() != null) {
                    latest.offer(tick);
                    loaded++;
                }
            }
        }
        return loaded;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Tick parse(byte[] value) {
        try {
            return json.readValue(value, Tick.class);
        } catch (Exception e) {
            LOG.debugf("Skipping unreadable ticker snapshot: %s", e.getMessage());
            return null;
        }
    }
}
