package dev.switchboard.ticker.ticks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;

/**
 * Recovers the latest tick of every symbol, hence the last seq it was given: the compacted ticker.snapshots topic
 * from its beginning, and the tail of ticker.ticks. The tail matters after a crash: ticks and snapshots travel in
 * separate batches, so a tick may have reached Kafka while its snapshot record was lost with the producer's buffer.
 * Runs once before any feed starts.
 */
public final class SnapshotReader {

    private static final Logger LOG = Logger.getLogger(SnapshotReader.class);

    private final String bootstrapServers;
    private final TickEncoder encoder;
    private final Duration timeout;
    private final int tailRecords;

    public SnapshotReader(String bootstrapServers, TickEncoder encoder, Duration timeout, int tailRecords) {
        this.bootstrapServers = bootstrapServers;
        this.encoder = encoder;
        this.timeout = timeout;
        this.tailRecords = tailRecords;
    }

    /** The latest tick of every symbol; fails if the topics cannot be read to their end within the timeout. */
    public Collection<Tick> readLatest() {
        Map<String, Tick> latest = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        // Both topics in one pass: one round of offset requests and fetches that carry both, not one after the other.
        Map<String, ConsumerRecord<String, byte[]>> lastSnapshots = new HashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> lastTicks = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(partitions(consumer, Topics.TICKER_SNAPSHOTS));
            partitions.addAll(partitions(consumer, Topics.TICKER_TICKS));
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition partition : partitions) {
                long last = isSnapshots(partition.topic()) ? Long.MAX_VALUE : tailRecords;
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - last));
            }
            // Records of a key arrive in seq order within a partition, so only each key's last one can hold its
            // latest tick: decoding every record (up to tail-records per partition of ticks) was most of recovery's
            // time.
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + Topics.TICKER_SNAPSHOTS + " and the tail of "
                            + Topics.TICKER_TICKS + " to their end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    (isSnapshots(record.topic()) ? lastSnapshots : lastTicks).put(record.key(), record);
                }
            }
        }
        // A snapshot tombstone (its symbol retired) leaves nothing to keep, unless the tail has a later tick of it.
        for (Map<String, ConsumerRecord<String, byte[]>> last : List.of(lastSnapshots, lastTicks)) {
            for (ConsumerRecord<String, byte[]> record : last.values()) {
                if (record.value() != null) {
                    keepNewest(latest, record);
                }
            }
        }
        LOG.infof("Recovered the latest value of %d symbols from %s and the tail of %s", latest.size(),
                Topics.TICKER_SNAPSHOTS, Topics.TICKER_TICKS);
        return latest.values();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean isSnapshots(String topic) {
        return Topics.TICKER_SNAPSHOTS.equals(topic);
    }

    private void keepNewest(Map<String, Tick> latest, ConsumerRecord<String, byte[]> record) {
        Tick tick;
        try {
            tick = encoder.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("Skipping an unreadable tick of %s at %s-%d@%d", record.key(), record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (tick.symbol() == null) {
            return;
        }
        latest.merge(tick.symbol(), tick, (old, candidate) -> candidate.seq() >= old.seq() ? candidate : old);
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticker-recovery-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // A consumer that lives for a fraction of a second on the start-up path: registering its hundred-odd metrics
        // as JMX beans (and removing them at close) was a sixth of recovery's time.
        props.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        return props;
    }
}
