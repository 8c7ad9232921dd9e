package dev.switchboard.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
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
 * service left it, and serves the same latest value.
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
        Collection<Tick> recovered = recover(encoder);
        Tick latest = recovered.stream().filter(t -> t.symbol().equals(symbol)).findFirst().orElseThrow();
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
        Collection<Tick> recovered = recover(encoder);
        assertEquals(orphan, recovered.stream().filter(t -> t.symbol().equals(symbol)).findFirst().orElseThrow());
        try (TickPublisher restarted = restart(encoder, recovered)) {
            assertEquals(4, restarted.publishAll(symbol, "test", List.of(price(ts + 3, 4.0))).get().firstSeq());
        }
        KafkaTopics.assertContinuousFromOne(KafkaTopics.ticks(Topics.TICKER_TICKS, symbol));
    }

    private Collection<Tick> recover(TickEncoder encoder) {
        return new SnapshotReader(KafkaTopics.bootstrapServers(), encoder, Duration.ofSeconds(60),
                config.recoveryTailRecords()).readLatest();
    }

    private TickPublisher restart(TickEncoder encoder, Collection<Tick> recovered) {
        return new TickPublisher(new KafkaProducer<>(
                TickPublisherProducer.producerProperties(KafkaTopics.bootstrapServers(), config),
                new ByteArraySerializer(), new ByteArraySerializer()), encoder, recovered);
    }
}
