package dev.switchboard.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.ticker.ticks.Recovery;
import dev.switchboard.ticker.ticks.RecoveryCheckpoint;
import dev.switchboard.ticker.ticks.SnapshotReader;
import dev.switchboard.ticker.ticks.TickData;
import dev.switchboard.ticker.ticks.TickEncoder;
import dev.switchboard.ticker.ticks.TickKafkaConfig;
import dev.switchboard.ticker.ticks.TickPublisher;
import dev.switchboard.ticker.ticks.TickPublisherProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A restarted publisher (a fresh snapshot consumer, a fresh producer) continues a symbol's seq where the running
 * service left it, and serves the same latest value; after a crash it writes lost snapshots again; after a clean
 * stop the next recovery skips the tail of ticker.ticks that the stop's checkpoint covers.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SnapshotRecoveryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TickPublisher running;

    @Inject
    TickKafkaConfig config;

    private static TickPublisher.Entry price(long ts, double price) {
        return new TickPublisher.Entry(ts, TickData.of(MAPPER.createObjectNode().put("price", price)));
    }

    @Test
    void aRestartedPublisherRecoversTheLatestValueAndTheNextSeq() throws Exception {
        String symbol = "RESTART-" + UUID.randomUUID().toString().substring(0, 8);
        long ts = System.currentTimeMillis();
        running.publishAll(symbol, "test", List.of(price(ts, 1.5), price(ts + 1, 2.5), price(ts + 2, 3.5))).get();

        TickEncoder encoder = new TickEncoder(MAPPER);
        Recovery recovered = recover(encoder);
        Tick latest = latest(recovered, symbol);
        assertEquals(3, latest.seq());
        assertEquals(3.5, latest.data().get("price").asDouble());
        assertEquals(ts + 2, latest.ts());

        try (TickPublisher restarted = restart(encoder, recovered)) {
            assertEquals(3, restarted.lastSeq(symbol));
            assertEquals(latest, restarted.latest(symbol).orElseThrow());
            assertEquals(running.latest(symbol).orElseThrow(), restarted.latest(symbol).orElseThrow());

            TickPublisher.Published next = restarted.publishAll(symbol, "test", List.of(price(ts + 3, 4.5))).get();
            assertEquals(4, next.firstSeq());
        }

        List<Tick> ticks = KafkaTopics.ticks(Topics.TICKER_TICKS, symbol);
        KafkaTopics.assertContinuousFromOne(ticks);
        assertEquals(List.of(1.5, 2.5, 3.5, 4.5), ticks.stream().map(t -> t.data().get("price").asDouble()).toList());
        List<Tick> snapshots = KafkaTopics.ticks(Topics.TICKER_SNAPSHOTS, symbol);
        assertEquals(4, snapshots.get(snapshots.size() - 1).seq());
    }

    @Test
    void aTickWhoseSnapshotWasLostInACrashStillCountsAfterTheRestart() throws Exception {
        String symbol = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);
        long ts = System.currentTimeMillis();
        running.publishAll(symbol, "test", List.of(price(ts, 1.0), price(ts + 1, 2.0))).get();
        // As if the service crashed after seq 3 reached ticker.ticks but before its snapshot record did.
        Tick orphan = new Tick(symbol, 3, "test", MAPPER.createObjectNode().put("price", 3.0), ts + 2);
        KafkaTopics.send(Topics.TICKER_TICKS, symbol, orphan);
        assertEquals(2, KafkaTopics.ticks(Topics.TICKER_SNAPSHOTS, symbol).size());

        TickEncoder encoder = new TickEncoder(MAPPER);
        Recovery recovered = recover(encoder);
        assertEquals(orphan, latest(recovered, symbol));
        assertTrue(recovered.staleSnapshots().contains(orphan), "the lost snapshot is to be written again");
        try (TickPublisher restarted = restart(encoder, recovered)) {
            restarted.flush();
            List<Tick> snapshots = KafkaTopics.ticks(Topics.TICKER_SNAPSHOTS, symbol);
            assertEquals(orphan, snapshots.get(snapshots.size() - 1), "the restart wrote the lost snapshot again");
            assertEquals(4, restarted.publishAll(symbol, "test", List.of(price(ts + 3, 4.0))).get().firstSeq());
        }
        KafkaTopics.assertContinuousFromOne(KafkaTopics.ticks(Topics.TICKER_TICKS, symbol));
    }

    @Test
    void aCleanStopLetsTheNextRecoverySkipTheTailItCovers() throws Exception {
        String symbol = "CLEAN-" + UUID.randomUUID().toString().substring(0, 8);
        long ts = System.currentTimeMillis();
        TickEncoder encoder = new TickEncoder(MAPPER);
        Recovery before = recover(encoder);
        TickPublisher stopping = restart(encoder, before);
        stopping.publishAll(symbol, "test", List.of(price(ts, 1.0), price(ts + 1, 2.0))).get();
        stopping.close();

        assertThrows(IllegalStateException.class, () -> stopping.publish(symbol, "test", ts + 2, TickData.of(
                MAPPER.createObjectNode().put("price", 3.0))), "a closed publisher takes no more seqs");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> stopping.publishAll(symbol, "test", List.of(price(ts + 2, 3.0))).get());
        assertInstanceOf(IllegalStateException.class, refused.getCause());

        RecoveryCheckpoint checkpoint = lastCheckpoint(encoder);
        ConsumerRecord<String, String> lastTick = lastRecordOf(Topics.TICKER_TICKS, symbol);
        assertTrue(checkpoint.ticksOffsets().get(lastTick.partition()) > lastTick.offset(),
                "the checkpoint covers the stopped publisher's ticks: " + checkpoint);
        before.ticksEnd().forEach((partition, end) -> assertTrue(checkpoint.ticksOffsets().get(partition) >= end,
                "the checkpoint covers what recovery found at the start, partition " + partition));

        Recovery after = recover(encoder);
        assertEquals(2, latest(after, symbol).seq());
        long sinceCheckpoint = after.ticksEnd().entrySet().stream()
                .mapToLong(end -> end.getValue() - checkpoint.ticksOffsets().get(end.getKey())).sum();
        assertTrue(after.tailRead() <= sinceCheckpoint, "read " + after.tailRead() + " records of the tail, but only "
                + sinceCheckpoint + " were written after the clean stop");
    }

    @Test
    void aCheckpointThatCannotBeOfTheTopicOrCannotBeReadIsIgnored() throws Exception {
        String symbol = "BOGUS-" + UUID.randomUUID().toString().substring(0, 8);
        long ts = System.currentTimeMillis();
        running.publishAll(symbol, "test", List.of(price(ts, 1.0))).get();
        Tick orphan = new Tick(symbol, 2, "test", MAPPER.createObjectNode().put("price", 2.0), ts + 1);
        KafkaTopics.send(Topics.TICKER_TICKS, symbol, orphan);
        TickEncoder encoder = new TickEncoder(MAPPER);

        // As if ticker.ticks had been recreated after the stop: offsets far past its end.
        Map<String, Long> ahead = new HashMap<>();
        for (int partition = 0; partition < Topics.CHANNEL_PARTITIONS; partition++) {
            ahead.put(Integer.toString(partition), 1_000_000_000L);
        }
        KafkaTopics.send(Topics.TICKER_RECOVERY_CHECKPOINTS, RecoveryCheckpoint.KEY, Map.of("ticks", ahead, "ts", ts));
        assertEquals(orphan, latest(recover(encoder), symbol));

        KafkaTopics.send(Topics.TICKER_RECOVERY_CHECKPOINTS, RecoveryCheckpoint.KEY, "not a checkpoint");
        assertEquals(orphan, latest(recover(encoder), symbol));
    }

    private static Tick latest(Recovery recovery, String symbol) {
        return recovery.latest().stream().filter(t -> t.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static RecoveryCheckpoint lastCheckpoint(TickEncoder encoder) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(Topics.TICKER_RECOVERY_CHECKPOINTS);
        return encoder.decodeCheckpoint(records.get(records.size() - 1).value().getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, String> lastRecordOf(String topic, String key) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(topic).stream()
                .filter(record -> key.equals(record.key())).toList();
        return records.get(records.size() - 1);
    }

    private Recovery recover(TickEncoder encoder) {
        return new SnapshotReader(KafkaTopics.bootstrapServers(), encoder, Duration.ofSeconds(60),
                config.recoveryTailRecords()).read();
    }

    private TickPublisher restart(TickEncoder encoder, Recovery recovered) {
        return new TickPublisher(new KafkaProducer<>(
                TickPublisherProducer.producerProperties(KafkaTopics.bootstrapServers(), config),
                new ByteArraySerializer(), new ByteArraySerializer()), encoder, recovered);
    }
}
