package dev.switchboard.chat.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;

/**
 * One member of the chat-service consumer group on chat.commands, on its own thread: poll a batch, let the processor
 * commit it to the database, then commit the offsets. A crash between the two re-delivers the batch, which the
 * processor recognises (same msgId, same command id) and answers with the original seq.
 *
 * <p>
 * The offset commit is asynchronous: a synchronous one held the next batch back by a broker round trip (7-12 ms, the
 * group coordinator lingers before it appends), which under load was a large part of a publish's latency. A lost
 * asynchronous commit only means a re-delivery, which the processor answers idempotently. Offsets are committed
 * synchronously when partitions are revoked and when the member closes, so a clean hand-over re-delivers nothing.
 */
public final class CommandConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final Map<String, Object> settings;
    private final CommandProcessor processor;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final String name;

    private volatile boolean running;
    private volatile String lastFailure;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Set<TopicPartition> assignment = Set.of();
    private final AtomicLong processed = new AtomicLong();
    /** Offsets of stored batches, to commit synchronously on revocation and close; consumer thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> stored = new HashMap<>();
    private Thread thread;

    public CommandConsumer(String name, Map<String, Object> settings, CommandProcessor processor, Duration pollTimeout,
            Duration retryBackoff) {
        this.name = name;
        this.settings = settings;
        this.processor = processor;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
    }

    public synchronized void start() {
        consumer = new KafkaConsumer<>(settings);
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** The partitions of chat.commands this member owns now. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    /** Records this member has committed so far. */
    public long processed() {
        return processed.get();
    }

    /** Null while healthy, otherwise why the last batch could not be committed. */
    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.CHAT_COMMANDS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commitStored(partitions);
                    LOG.infof("%s: revoked %s", name, partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assignment = Set.copyOf(consumer.assignment());
                    LOG.infof("%s: now owns %s", name, assignment);
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            LOG.errorf(e, "Command consumer %s stopped", name);
        } finally {
            running = false;
            commitStored(List.copyOf(stored.keySet()));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Commits, and waits for, the stored offsets of these partitions; a failure only means a re-delivery. */
    private void commitStored(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = stored.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            } catch (WakeupException e) {
                // close() woke the consumer while it was not polling; the wake-up is spent, so commit once more.
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s: could not commit %s, those commands will be re-delivered and answered again: %s", name,
                    offsets, e.toString());
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(record);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        try {
            processor.process(batch);
            stored.putAll(next);
            consumer.commitAsync(next, (offsets, failure) -> {
                if (failure != null) {
                    LOG.debugf("%s: asynchronous offset commit failed (a later commit covers it): %s", name, failure);
                }
            });
            processed.addAndGet(batch.size());
            lastFailure = null;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Nothing of this batch is lost: rewind and try the same records again after a pause.
            lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("Command batch of %d failed, retrying: %s", batch.size(), lastFailure);
            first.forEach((partition, offset) -> {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
