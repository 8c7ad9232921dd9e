package dev.switchboard.ticker.ticks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
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
 * A clean stop leaves a {@link RecoveryCheckpoint} saying up to where no snapshot is missing; the tail is read only
 * from there (after a clean stop: not at all; with full tails that was a quarter of ticker-service's time to ready). Runs once
 * before any feed starts.
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

    /** Fails if the topics cannot be read to their end within the timeout. */
    public Recovery read() {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Records of a key arrive in seq order within a partition, so only each key's last one can hold its latest
        // tick: decoding every record (up to tail-records per partition of ticks) was most of recovery's time.
        Map<String, ConsumerRecord<String, byte[]>> lastSnapshots = new HashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> lastTicks = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> checkpoints = new ArrayList<>(1);
        Map<Integer, Long> ticksEnd = new HashMap<>();
        long tailRead;
        boolean checkpointable;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
            List<TopicPartition> checkpointPartitions = partitions(topics, Topics.TICKER_RECOVERY_CHECKPOINTS);
            List<TopicPartition> first = new ArrayList<>(partitions(topics, Topics.TICKER_SNAPSHOTS));
            first.addAll(checkpointPartitions);
            List<TopicPartition> ticks = partitions(topics, Topics.TICKER_TICKS);
            List<TopicPartition> all = new ArrayList<>(first);
            all.addAll(ticks);
            consumer.assign(all);
            // One round of offset requests for all three topics.
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(all, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, timeout);
            ticks.forEach(partition -> ticksEnd.put(partition.partition(), end.get(partition)));
            checkpointable = !checkpointPartitions.isEmpty();

            // First the snapshots and the last clean stop's checkpoint; the tail of ticks waits, paused, for the
            // checkpoint to say where it starts.
            first.forEach(partition -> consumer.seek(partition, begin.get(partition)));
            ticks.forEach(partition -> consumer.seek(partition, end.get(partition)));
            consumer.pause(ticks);
            readToEnd(consumer, first, end, deadline, record -> {
                if (Topics.TICKER_SNAPSHOTS.equals(record.topic())) {
                    lastSnapshots.put(record.key(), record);
                } else if (RecoveryCheckpoint.KEY.equals(record.key())) {
                    checkpoints.add(record);
                }
            });

            RecoveryCheckpoint checkpoint = lastCheckpoint(checkpoints, ticksEnd);
            consumer.pause(first);
            long toRead = 0;
            for (TopicPartition partition : ticks) {
                long from = checkpoint.tailStart(partition.partition(), begin.get(partition), end.get(partition), tailRecords);
                consumer.seek(partition, from);
                toRead += end.get(partition) - from;
            }
            consumer.resume(ticks);
            tailRead = toRead == 0 ? 0 : readToEnd(consumer, ticks, end, deadline, record -> lastTicks.put(record.key(), record));
        }
        Map<String, Tick> latest = new HashMap<>();
        // A snapshot tombstone (its symbol retired) leaves nothing to keep, unless the tail has a later tick of it.
        lastSnapshots.values().forEach(record -> decode(record).ifPresent(tick -> keepNewest(latest, tick)));
        List<Tick> stale = new ArrayList<>();
        lastTicks.values().forEach(record -> decode(record).ifPresent(tick -> {
            if (keepNewest(latest, tick)) {
                stale.add(tick);
            }
        }));
        LOG.infof("Recovered the latest value of %d symbols from %s and %d records of the tail of %s; %d snapshots to "
                + "write again", latest.size(), Topics.TICKER_SNAPSHOTS, tailRead, Topics.TICKER_TICKS, stale.size());
        return new Recovery(latest.values(), stale, ticksEnd, tailRead, checkpointable);
    }

    /** The newest readable checkpoint, if it can be of these partitions; otherwise one that covers nothing. */
    private RecoveryCheckpoint lastCheckpoint(List<ConsumerRecord<String, byte[]>> records, Map<Integer, Long> ticksEnd) {
        for (int i = records.size() - 1; i >= 0; i--) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (record.value() == null) {
                return RecoveryCheckpoint.NONE;
            }
            try {
                RecoveryCheckpoint checkpoint = encoder.decodeCheckpoint(record.value());
                if (checkpoint.isAheadOf(ticksEnd)) {
                    LOG.warnf("The recovery checkpoint at %s-%d@%d is ahead of %s (was the topic recreated?); "
                            + "reading its whole tail", record.topic(), record.partition(), record.offset(),
                            Topics.TICKER_TICKS);
                    return RecoveryCheckpoint.NONE;
                }
                return checkpoint;
            } catch (IllegalArgumentException e) {
                LOG.warnf("Skipping an unreadable recovery checkpoint at %s-%d@%d: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        return RecoveryCheckpoint.NONE;
    }

    private static List<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics, String topic) {
        return topics.getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Polls until these partitions reach their end offsets; returns how many records it passed on. */
    private long readToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end, long deadline, Consumer<ConsumerRecord<String, byte[]>> sink) {
        long read = 0;
        while (!reachedEnd(consumer, partitions, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + Topics.TICKER_SNAPSHOTS + " and the tail of "
                        + Topics.TICKER_TICKS + " to their end within " + timeout);
            }
            ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition partition : polled.partitions()) {
                long partitionEnd = end.get(partition);
                for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                    // What arrived after the end offsets were taken is not part of what is recovered.
                    if (record.offset() < partitionEnd) {
                        sink.accept(record);
                        read++;
                    }
                }
            }
        }
        return read;
    }

    private Optional<Tick> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            Tick tick = encoder.decode(record.value());
            return tick.symbol() == null ? Optional.empty() : Optional.of(tick);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping an unreadable tick of %s at %s-%d@%d", record.key(), record.topic(),
                    record.partition(), record.offset());
            return Optional.empty();
        }
    }

    /** True if the tick is now its symbol's latest, ahead of what was known. */
    private static boolean keepNewest(Map<String, Tick> latest, Tick tick) {
        Tick known = latest.get(tick.symbol());
        if (known != null && known.seq() >= tick.seq()) {
            return false;
        }
        latest.put(tick.symbol(), tick);
        return true;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
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
        // The ends are known, so an empty fetch need not wait for data: with the default 500 ms the broker held the
        // fetch that followed the snapshots, and the tail's first fetch queued behind it, for 250-350 ms of start-up.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        return props;
    }
}
