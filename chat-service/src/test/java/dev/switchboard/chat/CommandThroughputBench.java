package dev.switchboard.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput of the command path on one instance: N publish commands into chat.commands (spread over rooms), timed
 * until N replies are back on chat.replies (each reply leaves only after the message is committed in PostgreSQL and
 * relayed from the outbox). Not part of the default build (tag "bench"); run it with
 * {@code ./mvnw -B -o -pl chat-service verify -Dgroups=bench -DexcludedGroups= -Dtest=CommandThroughputBench
 * -Dbench.commands=20000}. The result is printed as "BENCH command-path ...".
 */
@Tag("bench")
@QuarkusTest
class CommandThroughputBench extends ChatServiceTestBase {

    @Test
    void commandsPerSecond() {
        int commands = Integer.getInteger("bench.commands", 20_000);
        int rooms = Integer.getInteger("bench.rooms", 100);
        run("warm-up", 2_000, rooms);
        double rate = run("measured", commands, rooms);
        System.out.printf("BENCH command-path: %d commands over %d rooms, one instance: %.0f messages/s%n",
                commands, rooms, rate);
    }

    private static double run(String label, int commands, int rooms) {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long before = repliesToUs();
        long start = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            String room = prefix + (i % rooms);
            kafka.sendAsync(kafka.publish(room, "user" + (i % 7), "b" + i, "benchmark message number " + i));
        }
        kafka.flush();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> repliesToUs() - before >= commands);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(commands, repliesToUs() - before);
        System.out.printf("BENCH %s: %d replies in %.2f s%n", label, commands, seconds);
        return commands / seconds;
    }

    private static long repliesToUs() {
        return kafka.replies.size();
    }
}
