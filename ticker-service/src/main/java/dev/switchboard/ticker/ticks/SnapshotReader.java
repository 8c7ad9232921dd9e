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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;

/**
 * Reads the compacted ticker.snapshots topic from its beginning to its current end: the latest tick of every symbol,
 * hence the last seq each symbol was given. Runs once before any feed starts, so a restarted service continues every
 * symbol's seq where the previous one stopped.
 */
public final class SnapshotReader {

    private static final Logger LOG = Logger.getLogger(SnapshotReader.class);

    private final String bootstrapServers;
    private final TickEncoder encoder;
    private final Duration timeout;

    public SnapshotReader(String bootstrapServers, TickEncoder encoder, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.encoder = encoder;
        this.timeout = timeout;
    }

    /** The latest tick of every symbol; fails if the topic cannot be read to its end within the timeout. */
    public Collection<Tick> readLatest() {
        Map<String, Tick> latest = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.TICKER_SNAPSHOTS, timeout)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + Topics.TICKER_SNAPSHOTS + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    keepNewest(latest, record);
                }
            }
        }
        LOG.infof("Recovered the latest value of %d symbols from %s", latest.size(), Topics.TICKER_SNAPSHOTS);
        return latest.values();
    }

    private void keepNewest(Map<String, Tick> latest, ConsumerRecord<String, byte[]> record) {
        Tick tick;
        try {
            tick = encoder.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("Skipping an unreadable snapshot of %s at %s-%d@%d", record.key(), record.topic(),
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
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticker-snapshot-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return props;
    }
}
