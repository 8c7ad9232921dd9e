package dev.switchboard.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.ticker.ticks.TickPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Throughput of the synthetic market feed into a real broker, with the whole service running (candles included).
 * Not part of the default build: {@code ./mvnw -B -o -pl ticker-service verify -Pbench}. The result is printed and
 * written to target/bench/market-throughput.txt. Settings: -Dbench.symbols, -Dbench.rate (per symbol),
 * -Dbench.seconds.
 */
@Tag("bench")
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(MarketThroughputBenchTest.Flood.class)
class MarketThroughputBenchTest {

    static final int SYMBOLS = Integer.getInteger("bench.symbols", 100);
    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP_SECONDS = 5;

    public static class Flood implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String symbols = IntStream.range(0, SYMBOLS).mapToObj(i -> String.format("BENCH-%03d", i))
                    .collect(Collectors.joining(","));
            return Map.of(
                    "switchboard.ticker.feeds.market.symbols", symbols,
                    "switchboard.ticker.feeds.market.rate-per-second", String.valueOf(RATE),
                    "quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        }
    }

    @Inject
    TickPublisher publisher;

    @Test
    void measureSustainedQuotesPerSecond() throws Exception {
        TimeUnit.SECONDS.sleep(WARMUP_SECONDS);
        long ticksBefore = endOffsetSum(Topics.TICKER_TICKS);
        long ackedBefore = publisher.ackedCount();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(SECONDS);
        long ackedAfter = publisher.ackedCount();
        long ticksAfter = endOffsetSum(Topics.TICKER_TICKS);
        double elapsed = (System.nanoTime() - start) / 1e9;

        double onKafka = (ticksAfter - ticksBefore) / elapsed;
        double acked = (ackedAfter - ackedBefore) / 2.0 / elapsed; // a tick is a tick record plus a snapshot record
        String report = String.format(
                "market feed throughput: %d symbols x %d/s offered = %d quotes/s; over %.1f s: %.0f quotes/s on %s "
                        + "(%.0f quotes/s acknowledged, each with its snapshot record); failed records: %d; cores: %d%n",
                SYMBOLS, RATE, SYMBOLS * RATE, elapsed, onKafka, Topics.TICKER_TICKS, acked,
                publisher.failedCount(), Runtime.getRuntime().availableProcessors());
        System.out.print(report);
        Path out = Path.of("target", "bench", "market-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertEquals(0, publisher.failedCount());
        assertTrue(onKafka > 0);
    }

    private static long endOffsetSum(String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
