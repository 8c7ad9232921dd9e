package dev.switchboard.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.switchboard.chat.commands.CommandConsumer;
import dev.switchboard.chat.commands.CommandConsumers;
import dev.switchboard.chat.commands.CommandProcessor;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Several command-path instances: a second member joins the consumer group mid-stream and leaves again (two
 * rebalances), and two instances process the very same records at once (the overlap a rebalance can cause). No seq
 * is ever assigned twice and every command gets exactly one event.
 */
@QuarkusTest
class ScaleOutTest extends ChatServiceTestBase {

    @Inject
    CommandConsumers consumers;

    @Inject
    CommandProcessor processor;

    @Test
    void secondInstanceJoinsAndLeavesMidStreamWithoutAnySeqAssignedTwice() throws Exception {
        String prefix = "scale-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> rooms = LongStream.range(0, 24).mapToObj(i -> prefix + i).toList();
        List<ChatCommand> sent = new ArrayList<>();
        CommandConsumer main = consumers.main();
        long mainBefore = main.processed();

        sendRound(rooms, 0, 20, sent);               // only the application's instance is running
        CommandConsumer second = consumers.create();
        second.start();                              // joins the group: rebalance while commands keep coming
        sendRound(rooms, 20, 40, sent);
        await().atMost(WAIT).until(() -> !second.assignment().isEmpty());
        sendRound(rooms, 40, 60, sent);              // both instances own partitions now
        await().atMost(WAIT).until(() -> second.processed() > 0);
        second.close();                              // leaves: a second rebalance
        sendRound(rooms, 60, 80, sent);

        await().atMost(WAIT).until(() -> eventsWithPrefix(prefix).size() >= sent.size());
        await().atMost(WAIT).until(() -> sent.stream().allMatch(c -> kafka.replyTo(c) != null));

        assertTrue(second.processed() > 0, "the second instance took part");
        assertTrue(main.processed() - mainBefore > 0, "the first instance took part");
        assertEquals(sent.size(), eventsWithPrefix(prefix).size(), "exactly one event per command");
        assertGapFreeAndUnique(eventsWithPrefix(prefix), rooms, 80);
        assertTrue(sent.stream().allMatch(c -> kafka.replyTo(c).ok()));
    }

    @Test
    void twoInstancesProcessingTheSameRecordsAtOnceNeverReuseASeq() throws Exception {
        String prefix = "overlap-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> rooms = List.of(prefix + "a", prefix + "b", prefix + "c");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String room = rooms.get(i % rooms.size());
            ChatCommand command = kafka.publish(room, "u" + (i % 5), "o-" + i, "overlap " + i);
            records.add(new ConsumerRecord<>(Topics.CHAT_COMMANDS, 0, i, room,
                    ChatKafka.MAPPER.writeValueAsBytes(command)));
        }
        // Both "instances" get the same records in batches, as during a rebalance where the old owner has not
        // noticed yet that the partition moved.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            runs.add(pool.submit(() -> {
                for (int from = 0; from < records.size(); from += 10) {
                    processor.process(records.subList(from, from + 10));
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        await().atMost(WAIT).until(() -> eventsWithPrefix(prefix).size() >= records.size());
        assertEquals(records.size(), eventsWithPrefix(prefix).size(), "exactly one event per command");
        assertGapFreeAndUnique(eventsWithPrefix(prefix), rooms, 50);
    }

    private static void sendRound(List<String> rooms, int from, int to, List<ChatCommand> sent) {
        for (int i = from; i < to; i++) {
            for (String room : rooms) {
                ChatCommand command = kafka.publish(room, "u" + (i % 3), room + "#" + i, "message " + i);
                kafka.send(command);
                sent.add(command);
            }
        }
    }

    private static List<ChatEvent> eventsWithPrefix(String prefix) {
        return kafka.events.stream().filter(e -> e.roomId().startsWith(prefix)).toList();
    }

    private static void assertGapFreeAndUnique(List<ChatEvent> events, List<String> rooms, int perRoom) {
        Map<String, List<ChatEvent>> byRoom = events.stream()
                .collect(Collectors.groupingBy(ChatEvent::roomId, HashMap::new, Collectors.toList()));
        assertEquals(rooms.size(), byRoom.size());
        for (String room : rooms) {
            List<ChatEvent> roomEvents = byRoom.get(room);
            // Arrival order on chat.events is seq order: 1..n, nothing twice, nothing missing.
            assertEquals(LongStream.rangeClosed(1, perRoom).boxed().toList(),
                    roomEvents.stream().map(ChatEvent::seq).toList(), room);
            assertEquals(perRoom, roomEvents.stream().map(ChatEvent::msgId).distinct().count(), room);
            assertFalse(roomEvents.stream().anyMatch(e -> e.kind() != ChatEvent.Kind.CREATED));
        }
    }
}
