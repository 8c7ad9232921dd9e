package dev.switchboard.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.presence.topology.PresenceTopology;
import dev.switchboard.testing.KafkaTestResource;

/**
 * How many join and leave events one instance turns into diffs per second, on the real in-JVM broker with the shipped
 * defaults (one stream thread, commit every 200 ms). Not part of the default build (it measures, it does not test):
 * <pre>./mvnw -B -o -pl presence-service verify -Dbench.excludedGroups=none -Dgroups=bench -Dtest=PresenceThroughputBench \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rooms=1000 -Dbench.users=50</pre>
 * Every event is a first join or a last leave (one connection per user, rooms below the large-room threshold), and
 * small-room coalescing is off (window 0), so each one yields exactly one diff; the clock runs from the first event
 * sent until the last diff is read.
 */
@Tag("bench")
class PresenceThroughputBench {

    @Test
    void joinsAndLeavesPerSecond() throws Exception {
        int rooms = Integer.getInteger("bench.rooms", 1000);
        int users = Integer.getInteger("bench.users", 50);
        String bootstrap = KafkaTestResource.SharedKafka.bootstrapServers();
        ObjectMapper mapper = new ObjectMapper();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String gateway = "gw-bench-" + run;

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "presence-bench-" + run);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kafka-streams", "bench-" + run).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + run);
        // earliest, not latest: a "latest" position may be fixed only after the first diffs are out; keys carry the run id
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        try (KafkaStreams streams = new KafkaStreams(new PresenceTopology(DefaultConfig.presence(
                        java.util.Map.of("switchboard.presence.small-room-diff-window", "0")), mapper).build(), props);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> diffs = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            heartbeats.scheduleAtFixedRate(() -> PresenceKafka.heartbeatRecords(gateway,
                    json(mapper, new GatewayHeartbeat(gateway, 10_000, rooms * users, false, System.currentTimeMillis())))
                    .forEach(producer::send), 0, 2, TimeUnit.SECONDS);
            streams.start();
            diffs.subscribe(List.of(Topics.PRESENCE_DIFFS));
            long deadline = System.currentTimeMillis() + 120_000;
            while ((streams.state() != KafkaStreams.State.RUNNING || diffs.assignment().isEmpty()) && System.currentTimeMillis() < deadline) {
                diffs.poll(Duration.ofMillis(100));
            }

            int events = 2 * rooms * users;
            long start = System.nanoTime();
            for (ConnectionEvent.Kind kind : ConnectionEvent.Kind.values()) {
                for (int u = 0; u < users; u++) {
                    for (int r = 0; r < rooms; r++) {
                        String channel = "room:bench-" + run + "-" + r;
                        String user = "u" + u;
                        producer.send(new ProducerRecord<>(Topics.PRESENCE_CONNECTIONS, channel, json(mapper,
                                new ConnectionEvent(kind, channel, user, user + "-c", gateway, null, System.currentTimeMillis()))));
                    }
                }
            }
            producer.flush();
            long sent = System.nanoTime();
            int seen = 0;
            long giveUp = System.currentTimeMillis() + 600_000;
            while (seen < events && System.currentTimeMillis() < giveUp) {
                for (ConsumerRecord<String, String> record : diffs.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith("room:bench-" + run + "-")) {
                        seen++;
                    }
                }
            }
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            System.out.printf("BENCH presence joins+leaves: %d events (%d rooms x %d users, join then leave) -> %d diffs in %.2f s"
                    + " (producing took %.2f s): %.0f events/s%n", events, rooms, users, seen, seconds, (sent - start) / 1e9, events / seconds);
            assertEquals(events, seen);
        } finally {
            heartbeats.shutdownNow();
        }
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
