package dev.switchboard.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.switchboard.chat.commands.CommandProcessor;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** The command path end to end over real Kafka and PostgreSQL: order, idempotency, edits, deletes, bad input. */
@QuarkusTest
class CommandPathTest extends ChatServiceTestBase {

    @Inject
    CommandProcessor processor;

    @ConfigProperty(name = "switchboard.chat.commands.group-id")
    String commandsGroup;

    @Test
    void concurrentPublishersToOneRoomGetGapFreeSeqsInOrder() throws Exception {
        String room = room();
        int publishers = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> sends = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            String user = "user" + p;
            sends.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    kafka.send(kafka.publish(room, user, user + "-" + i, "message " + i));
                }
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        pool.shutdown();
        int total = publishers * each;
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= total);

        List<ChatEvent> events = kafka.eventsOf(room);
        assertEquals(total, events.size());
        // Delivered in seq order, 1..n without a gap, each msgId once.
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), events.stream().map(ChatEvent::seq).toList());
        assertEquals(total, events.stream().map(ChatEvent::msgId).distinct().count());
        // One publisher's own messages keep the order it sent them in.
        for (int p = 0; p < publishers; p++) {
            String user = "user" + p;
            List<String> mine = events.stream().filter(e -> e.from().equals(user)).map(ChatEvent::msgId).toList();
            assertEquals(LongStream.range(0, each).mapToObj(i -> user + "-" + i).toList(), mine);
        }
    }

    @Test
    void resentPublishIsStoredOnceAndAckedWithTheOriginalSeq() {
        String room = room();
        ChatCommand original = kafka.publish(room, "alice", "dup-1", "once");
        ChatReply first = sendAndAwaitReply(original);
        assertTrue(first.ok());
        sendAndAwaitReply(kafka.publish(room, "bob", "other", "in between"));

        // The client re-sends (a new command id, the same msgId), twice.
        ChatCommand resend = kafka.publish(room, "alice", "dup-1", "once");
        ChatReply again = sendAndAwaitReply(resend);
        ChatReply third = sendAndAwaitReply(kafka.publish(room, "alice", "dup-1", "once"));

        assertTrue(again.ok());
        assertEquals(first.seq(), again.seq());
        assertEquals(first.messageId(), again.messageId());
        assertEquals(first.seq(), third.seq());
        ChatReply next = sendAndAwaitReply(kafka.publish(room, "bob", "after", "next"));
        assertEquals(3, next.seq(), "a duplicate does not consume a seq");
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= 3);
        assertEquals(List.of("dup-1", "other", "after"), kafka.eventsOf(room).stream().map(ChatEvent::msgId).toList());
    }

    @Test
    void redeliveryAfterACrashBetweenStoreAndOffsetCommitRepliesTheOriginalSeqWithoutANewEvent() throws Exception {
        String room = room();
        ChatCommand command = kafka.publish(room, "alice", "crash-1", "survives a crash");
        byte[] bytes = ChatKafka.MAPPER.writeValueAsBytes(command);
        ChatReply stored = sendAndAwaitReply(command);
        assertEquals(1, stored.seq());

        // Kafka redelivers a record whose offset was not committed: the very same bytes, same command id.
        ConsumerRecord<String, byte[]> redelivered = new ConsumerRecord<>(Topics.CHAT_COMMANDS, 0, 0, room, bytes);
        processor.process(List.of(redelivered));
        kafka.sendRaw(room, bytes);

        await().atMost(WAIT).until(() -> kafka.repliesTo(command.commandId()).size() == 3);
        for (ChatReply reply : kafka.repliesTo(command.commandId())) {
            assertTrue(reply.ok());
            assertEquals(stored.seq(), reply.seq());
            assertEquals(stored.messageId(), reply.messageId());
        }
        ChatReply marker = sendAndAwaitReply(kafka.publish(room, "alice", "crash-2", "after"));
        assertEquals(2, marker.seq());
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= 2);
        assertEquals(List.of(1L, 2L), kafka.eventsOf(room).stream().map(ChatEvent::seq).toList());
        RestAssured.given().get("/v1/rooms/{id}/messages", room).then().statusCode(200)
                .body("messages.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void offsetsOfStoredCommandsAreCommitted() throws Exception {
        String room = room();
        ChatCommand command = kafka.publish(room, "alice", "commit-1", "committed");
        RecordMetadata sent = kafka.send(command);
        await().atMost(WAIT).until(() -> kafka.replyTo(command) != null);

        // Committed after the reply, asynchronously: a restarted consumer group must not re-deliver it.
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.SharedKafka.bootstrapServers()))) {
            await().atMost(WAIT).until(() -> committedOffset(admin, partition) > sent.offset());
        }
    }

    private long committedOffset(Admin admin, TopicPartition partition) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(commandsGroup).partitionsToOffsetAndMetadata()
                .get().get(partition);
        return committed == null ? -1 : committed.offset();
    }

    @Test
    void authorAndModeratorMayEditAndDeleteAStrangerMayNot() {
        String room = room();
        // alice publishes first: she created the room and moderates it.
        ChatReply aliceMessage = sendAndAwaitReply(kafka.publish(room, "alice", "a1", "alice here"));
        ChatReply bobMessage = sendAndAwaitReply(kafka.publish(room, "bob", "b1", "bob here"));
        ChatReply bobSecond = sendAndAwaitReply(kafka.publish(room, "bob", "b2", "bob again"));

        ChatReply authorEdit = sendAndAwaitReply(kafka.edit(room, "bob", bobMessage.messageId(), "bob, edited"));
        assertTrue(authorEdit.ok());
        assertEquals(4, authorEdit.seq());
        assertEquals(bobMessage.messageId(), authorEdit.messageId());

        ChatReply strangerEdit = sendAndAwaitReply(kafka.edit(room, "carol", bobMessage.messageId(), "hacked"));
        assertFalse(strangerEdit.ok());
        assertEquals("forbidden", strangerEdit.code());
        ChatReply strangerDelete = sendAndAwaitReply(kafka.delete(room, "carol", aliceMessage.messageId()));
        assertEquals("forbidden", strangerDelete.code());
        ChatReply memberDeletesModerators = sendAndAwaitReply(kafka.delete(room, "bob", aliceMessage.messageId()));
        assertEquals("forbidden", memberDeletesModerators.code());

        ChatReply moderatorEdit = sendAndAwaitReply(kafka.edit(room, "alice", bobSecond.messageId(), "moderated"));
        assertTrue(moderatorEdit.ok());
        assertEquals(5, moderatorEdit.seq());
        ChatReply moderatorDelete = sendAndAwaitReply(kafka.delete(room, "alice", bobMessage.messageId()));
        assertTrue(moderatorDelete.ok());
        assertEquals(6, moderatorDelete.seq());
        ChatReply authorDelete = sendAndAwaitReply(kafka.delete(room, "bob", bobSecond.messageId()));
        assertEquals(7, authorDelete.seq());

        ChatReply deletedAgain = sendAndAwaitReply(kafka.edit(room, "bob", bobMessage.messageId(), "too late"));
        assertEquals("not_found", deletedAgain.code());
        ChatReply unknown = sendAndAwaitReply(kafka.edit(room, "bob", "no-such-message", "x"));
        assertEquals("not_found", unknown.code());
        ChatReply unknownRoom = sendAndAwaitReply(kafka.delete(room(), "bob", bobMessage.messageId()));
        assertEquals("not_found", unknownRoom.code());

        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= 7);
        List<ChatEvent> events = kafka.eventsOf(room);
        assertEquals(List.of(ChatEvent.Kind.CREATED, ChatEvent.Kind.CREATED, ChatEvent.Kind.CREATED,
                ChatEvent.Kind.EDITED, ChatEvent.Kind.EDITED, ChatEvent.Kind.DELETED, ChatEvent.Kind.DELETED),
                events.stream().map(ChatEvent::kind).toList());
        ChatEvent edit = events.get(4);
        assertEquals(bobSecond.messageId(), edit.messageId());
        assertEquals("bob", edit.from());
        assertEquals("alice", edit.actor());
        assertEquals("moderated", edit.data().get("text").asText());
        assertTrue(events.get(5).data() == null || events.get(5).data().isNull(), "a delete carries no data");

        // History: latest versions, tombstones for the deleted ones.
        RestAssured.given().get("/v1/rooms/{id}/messages", room).then().statusCode(200)
                .body("messages.seq", org.hamcrest.Matchers.contains(1, 2, 3))
                .body("messages[0].data.text", org.hamcrest.Matchers.equalTo("alice here"))
                .body("messages[0].deleted", org.hamcrest.Matchers.equalTo(false))
                .body("messages[1].deleted", org.hamcrest.Matchers.equalTo(true))
                .body("messages[1].data", org.hamcrest.Matchers.nullValue())
                .body("messages[1].editedAt", org.hamcrest.Matchers.notNullValue())
                .body("messages[2].deleted", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void redeliveredEditIsAppliedOnce() {
        String room = room();
        ChatReply message = sendAndAwaitReply(kafka.publish(room, "alice", "e1", "v1"));
        ChatCommand edit = kafka.edit(room, "alice", message.messageId(), "v2");
        ChatReply first = sendAndAwaitReply(edit);
        kafka.send(edit);
        await().atMost(WAIT).until(() -> kafka.repliesTo(edit.commandId()).size() == 2);
        assertEquals(first.seq(), kafka.repliesTo(edit.commandId()).get(1).seq());
        ChatReply marker = sendAndAwaitReply(kafka.publish(room, "alice", "e2", "after"));
        assertEquals(3, marker.seq());
    }

    @Test
    void privateRoomAcceptsOnlyMembers() {
        String room = room();
        RestAssured.given().header("X-Switchboard-User", "owner").contentType("application/json")
                .body("{\"id\":\"" + room + "\",\"visibility\":\"private\"}")
                .post("/v1/rooms").then().statusCode(201);
        ChatReply stranger = sendAndAwaitReply(kafka.publish(room, "mallory", "p1", "let me in"));
        assertFalse(stranger.ok());
        assertEquals("forbidden", stranger.code());
        ChatReply owner = sendAndAwaitReply(kafka.publish(room, "owner", "p2", "mine"));
        assertTrue(owner.ok());
        assertEquals(1, owner.seq());
        RestAssured.given().header("X-Switchboard-User", "owner").contentType("application/json")
                .body("{\"role\":\"member\"}").put("/v1/rooms/{id}/members/{user}", room, "mallory")
                .then().statusCode(200);
        ChatReply member = sendAndAwaitReply(kafka.publish(room, "mallory", "p3", "thanks"));
        assertTrue(member.ok());
        assertEquals(2, member.seq());
    }

    @Test
    void invalidCommandsAreRefusedDeadLetteredAndTheConsumerKeepsGoing() {
        String room = room();
        ChatCommand empty = kafka.publish(room, "alice", "bad-1", "");
        ChatCommand tooLong = kafka.publish(room, "alice", "bad-2", "x".repeat(4001));
        ChatCommand control = kafka.publish(room, "alice", "bad-3", "bell\u0007");
        ChatCommand noMsgId = kafka.publish(room, "alice", null, "no msgId");
        ChatCommand huge = new ChatCommand(ChatCommand.Kind.PUBLISH, UUID.randomUUID().toString(), kafka.replyTo,
                room, "alice", "bad-5", null,
                ((com.fasterxml.jackson.databind.node.ObjectNode) ChatKafka.text("ok")).put("blob", "y".repeat(17_000)), 0);
        List<ChatCommand> invalid = List.of(empty, tooLong, control, noMsgId, huge);
        invalid.forEach(kafka::send);
        kafka.sendRaw(room, "{not json");
        kafka.sendRaw(room, "{\"kind\":\"SHOUT\",\"commandId\":\"c-shout\",\"replyTo\":\"" + kafka.replyTo + "\"}");
        ChatCommand fine = kafka.publish(room, "alice", "good-1", "line one\n\tline two");
        ChatReply good = sendAndAwaitReply(fine);

        assertTrue(good.ok(), "a good message after the poison ones is stored");
        assertEquals(1, good.seq());
        for (ChatCommand command : invalid) {
            await().atMost(WAIT).until(() -> kafka.replyTo(command) != null);
            ChatReply reply = kafka.replyTo(command);
            assertFalse(reply.ok());
            assertEquals("bad_request", reply.code());
            assertNotNull(reply.message());
            assertFalse(reply.message().contains("Exception"), reply.message());
        }
        assertTrue(kafka.replyTo(empty).message().contains("data.text"), kafka.replyTo(empty).message());
        assertTrue(kafka.replyTo(huge).message().contains("bytes"), kafka.replyTo(huge).message());
        await().atMost(WAIT).until(() -> !kafka.repliesTo("c-shout").isEmpty());
        assertEquals("bad_request", kafka.repliesTo("c-shout").get(0).code());

        await().atMost(WAIT).until(() -> deadLettersOf(room).size() == 7);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersOf(room);
        Set<String> reasons = dead.stream().map(r -> ChatKafka.header(r, "dlq-reason")).collect(Collectors.toSet());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not a ChatCommand")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("msgId")), reasons.toString());
        assertTrue(dead.stream().allMatch(r -> Topics.CHAT_COMMANDS.equals(ChatKafka.header(r, "dlq-topic"))));
        assertTrue(dead.stream().anyMatch(r -> new String(r.value()).equals("{not json")));
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() == 1);
        assertEquals("good-1", kafka.eventsOf(room).get(0).msgId());
    }

    @Test
    void aCommandTheDatabaseRefusesIsDeadLetteredWithoutHoldingBackItsBatch() {
        String room = room();
        // Valid JSON, valid text, but PostgreSQL's jsonb cannot hold \u0000: the batch fails in the database.
        ChatCommand unstorable = new ChatCommand(ChatCommand.Kind.PUBLISH, UUID.randomUUID().toString(),
                kafka.replyTo, room, "alice", "nul-1", null,
                ((com.fasterxml.jackson.databind.node.ObjectNode) ChatKafka.text("fine")).put("extra", "a\u0000b"), 0);
        ChatCommand before = kafka.publish(room, "alice", "ok-1", "before");
        ChatCommand after = kafka.publish(room, "alice", "ok-2", "after");
        List<ChatCommand> all = List.of(before, unstorable, after);
        all.forEach(kafka::send);
        await().atMost(WAIT).until(() -> all.stream().allMatch(c -> kafka.replyTo(c) != null));

        assertEquals(1, kafka.replyTo(before).seq());
        assertEquals(2, kafka.replyTo(after).seq());
        ChatReply refused = kafka.replyTo(unstorable);
        assertFalse(refused.ok());
        assertEquals("bad_request", refused.code());
        await().atMost(WAIT).until(() -> deadLettersOf(room).size() == 1);
        assertTrue(ChatKafka.header(deadLettersOf(room).get(0), "dlq-reason").contains("22"));
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() == 2);
        assertEquals(List.of("ok-1", "ok-2"), kafka.eventsOf(room).stream().map(ChatEvent::msgId).toList());
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(String room) {
        return kafka.deadLetters.stream().filter(r -> room.equals(r.key())).toList();
    }
}
