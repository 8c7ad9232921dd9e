package dev.switchboard.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput of the command path on one instance: N publish commands into chat.commands (spread over rooms), timed
 * until N replies are back on chat.replies (a reply leaves only after its message is committed in PostgreSQL and
 * relayed from the outbox). The measuring side only counts reply records by key, so that it takes as little of the
 * shared CPU as possible. Not part of the default build (tag "bench"); run it with
 * {@code ./mvnw -B -o -pl chat-service verify -Dgroups=bench -DexcludedGroups= -Dtest=CommandThroughputBench
 * -Dbench.commands=20000} and read the "BENCH" lines of its output.
 */
@Tag("bench")
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CommandThroughputBench {

    @Test
    void commandsPerSecond() throws Exception {
        int commands = Integer.getInteger("bench.commands", 20_000);
        int rooms = Integer.getInteger("bench.rooms", 100);
        try (KafkaProducer<String, byte[]> producer = ChatKafka.newProducer();
                KafkaConsumer<String, byte[]> replies = ChatKafka.consumerAtEnd(List.of(Topics.CHAT_REPLIES), 4)) {
            run("warm-up", 2_000, rooms, producer, replies);
            double rate = run("measured", commands, rooms, producer, replies);
            System.out.printf("BENCH command-path: %d commands over %d rooms, one instance: %.0f messages/s%n",
                    commands, rooms, rate);
        }
    }

    private static double run(String label, int commands, int rooms, KafkaProducer<String, byte[]> producer,
            KafkaConsumer<String, byte[]> replies) throws Exception {
        String replyTo = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = replyTo + "-room-";
        long start = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            String room = prefix + (i % rooms);
            ChatCommand command = new ChatCommand(ChatCommand.Kind.PUBLISH, replyTo + "-" + i, replyTo, room,
                    "user" + (i % 7), "b" + i, null, ChatKafka.text("benchmark message number " + i), 0);
            producer.send(new ProducerRecord<>(Topics.CHAT_COMMANDS, room, ChatKafka.MAPPER.writeValueAsBytes(command)));
        }
        producer.flush();
        long received = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (received < commands && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> reply : replies.poll(Duration.ofMillis(50))) {
                if (replyTo.equals(reply.key())) {
                    received++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(commands, received, "every command was answered");
        System.out.printf("BENCH %s: %d replies in %.2f s%n", label, commands, seconds);
        return commands / seconds;
    }
}
