package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** subscribe with since: every missed event once, in order, then live; recovered:false only when it cannot be. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ResumeTest extends GatewayTestBase {

    private final FakeBackends backends = FakeBackends.get();

    private static ObjectNode text(String text) {
        return TestKafka.JSON.createObjectNode().put("text", text);
    }

    private static List<Long> messageSeqs(WsTestClient client, int count) {
        List<Long> seqs = new ArrayList<>();
        while (seqs.size() < count) {
            seqs.add(client.await("message").path("seq").asLong());
        }
        return seqs;
    }

    @Test
    void resumesAfterADisconnectWithEveryMissedMessageInOrder() {
        String room = unique("room");
        WsTestClient alice = connected("alice");
        WsTestClient bob = connected("bob");
        subscribe(bob, "room:" + room);
        for (int i = 1; i <= 3; i++) {
            alice.send(publishFrame("p" + i, "room:" + room, "m" + i, "before " + i));
            awaitFrame(alice, "ack", "p" + i);
        }
        assertEquals(List.of(1L, 2L, 3L), messageSeqs(bob, 3));
        bob.close();

        for (int i = 4; i <= 6; i++) {
            alice.send(publishFrame("p" + i, "room:" + room, "m" + i, "while away " + i));
            awaitFrame(alice, "ack", "p" + i);
        }
        WsTestClient back = connected("bob");
        back.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 3, "id", "resume"));
        ObjectNode subscribed = awaitFrame(back, "subscribed", "resume");
        assertEquals(6, subscribed.path("seq").asLong());
        assertTrue(subscribed.path("recovered").asBoolean());
        assertEquals(List.of(4L, 5L, 6L), messageSeqs(back, 3));

        alice.send(publishFrame("p7", "room:" + room, "m7", "live again"));
        assertEquals(List.of(7L), messageSeqs(back, 1));
    }

    @Test
    void longAbsencesArePagedThroughHistory() {
        String room = unique("room");
        for (int i = 1; i <= 250; i++) {
            backends.store(room, "alice", text("old " + i));
        }
        WsTestClient bob = connected("bob");
        bob.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 0, "id", "s"));
        assertEquals(250, awaitFrame(bob, "subscribed", "s").path("seq").asLong());
        assertEquals(LongStream.rangeClosed(1, 250).boxed().toList(), messageSeqs(bob, 250));
    }

    @Test
    void liveEventsAreNeitherDuplicatedNorSkipped() {
        String room = unique("room");
        List<ChatEvent> stored = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stored.add(backends.store(room, "alice", text("m" + i)));
        }
        WsTestClient bob = connected("bob");
        bob.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 2, "id", "s"));
        awaitFrame(bob, "subscribed", "s");
        assertEquals(List.of(3L, 4L, 5L), messageSeqs(bob, 3));

        // A redelivered old event is dropped; a live event that skips a seq makes the gateway read the gap.
        backends.publish(stored.get(4));
        ChatEvent sixth = backends.store(room, "alice", text("m6"));
        ChatEvent seventh = backends.store(room, "alice", text("m7"));
        backends.publish(seventh);
        assertEquals(List.of(6L, 7L), messageSeqs(bob, 2));
        backends.publish(sixth);
        ChatEvent eighth = backends.store(room, "alice", text("m8"));
        backends.publish(eighth);
        assertEquals(List.of(8L), messageSeqs(bob, 1));
    }

    @Test
    void editsAndDeletesAreMessagesWithTheirOwnSeq() {
        String room = unique("room");
        ChatEvent original = backends.store(room, "alice", text("draft"));
        backends.change(room, ChatEvent.Kind.EDITED, original.messageId(), "alice", text("final"));
        backends.change(room, ChatEvent.Kind.DELETED, original.messageId(), "mod", null);
        WsTestClient bob = connected("bob");
        bob.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 0, "id", "s"));
        awaitFrame(bob, "subscribed", "s");
        ObjectNode created = bob.await("message");
        ObjectNode edited = bob.await("message");
        ObjectNode deleted = bob.await("message");
        assertEquals("created", created.path("event").asText());
        assertEquals("edited", edited.path("event").asText());
        assertTrue(edited.path("edited").asBoolean());
        assertEquals("final", edited.path("data").path("text").asText());
        assertEquals(original.messageId(), edited.path("messageId").asText());
        assertEquals("deleted", deleted.path("event").asText());
        assertTrue(deleted.path("deleted").asBoolean());
        assertTrue(deleted.path("data").isNull());
        assertEquals(3, deleted.path("seq").asLong());
    }

    @Test
    void aGapHistoryNoLongerHoldsIsNotRecovered() {
        String room = unique("room");
        for (int i = 1; i <= 10; i++) {
            backends.store(room, "alice", text("m" + i));
        }
        backends.room(room).earliestSeq = 6;
        WsTestClient bob = connected("bob");
        bob.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 2, "id", "s"));
        ObjectNode subscribed = awaitFrame(bob, "subscribed", "s");
        assertFalse(subscribed.path("recovered").asBoolean());
        assertEquals(10, subscribed.path("seq").asLong());
        backends.publish(backends.store(room, "alice", text("m11")));
        assertEquals(List.of(11L), messageSeqs(bob, 1));
    }

    @Test
    void historyUnavailableIsNotRecoveredAndSaysSo() {
        String room = unique("room");
        WsTestClient bob = connected("bob");
        subscribe(bob, "room:" + room);
        bob.send(Map.of("type", "unsubscribe", "channel", "room:" + room, "id", "u"));
        awaitFrame(bob, "ack", "u");
        backends.chatAvailable(false);
        try {
            bob.send(Map.of("type", "subscribe", "channel", "room:" + room, "since", 5, "id", "s"));
            ObjectNode subscribed = awaitFrame(bob, "subscribed", "s");
            assertFalse(subscribed.path("recovered").asBoolean());
            ObjectNode note = bob.await(frame -> "error".equals(frame.path("type").asText())
                    && ("room:" + room).equals(frame.path("channel").asText()), TIMEOUT);
            assertEquals("unavailable", note.path("code").asText());
        } finally {
            backends.chatAvailable(true);
        }
    }
}
