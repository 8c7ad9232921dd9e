package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.inbox.InboxEvent;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Presence members and diffs, typing both ways, and the WebRTC signaling relay through user.inbox. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class PresenceTypingSignalTest extends GatewayTestBase {

    private final FakeBackends backends = FakeBackends.get();

    @Test
    void subscribedIsFollowedByTheMemberListThenDiffs() {
        String room = unique("room");
        backends.room(room).present.add(new PresenceMember("zoe", TestKafka.JSON.createObjectNode().put("name", "Zoe")));
        WsTestClient bob = connected("bob");
        subscribe(bob, "room:" + room);
        ObjectNode members = bob.await("presence");
        assertEquals("room:" + room, members.path("channel").asText());
        assertEquals("zoe", members.path("members").get(0).path("userId").asText());
        assertEquals("Zoe", members.path("members").get(0).path("meta").path("name").asText());

        TestKafka.send(Topics.PRESENCE_DIFFS, "room:" + room, new PresenceDiff("room:" + room,
                List.of(new PresenceMember("yan", null)), List.of(new PresenceMember("zoe", null)), 2, false, 5L));
        ObjectNode diff = bob.await("presence");
        assertEquals("yan", diff.path("joins").get(0).path("userId").asText());
        assertEquals("zoe", diff.path("leaves").get(0).path("userId").asText());
    }

    @Test
    void presenceServiceDownIsReportedButTheSubscriptionStands() {
        String room = unique("room");
        WsTestClient bob = connected("bob");
        backends.presenceAvailable(false);
        try {
            subscribe(bob, "room:" + room);
            ObjectNode note = bob.await("error");
            assertEquals("unavailable", note.path("code").asText());
            assertEquals("room:" + room, note.path("channel").asText());
        } finally {
            backends.presenceAvailable(true);
        }
    }

    @Test
    void typingGoesToPresenceAndOthersSeeTheUpdates() {
        String room = unique("room");
        WsTestClient alice = connected("alice");
        WsTestClient bob = connected("bob");
        subscribe(alice, "room:" + room);
        subscribe(bob, "room:" + room);
        try (TestKafka.Probe probe = new TestKafka.Probe(Topics.PRESENCE_TYPING)) {
            alice.send(Map.of("type", "typing", "channel", "room:" + room, "active", true));
            TypingEvent typing = probe.await(TypingEvent.class, e -> ("room:" + room).equals(e.channel()));
            assertEquals("alice", typing.userId());
            assertTrue(typing.active());
        }
        TestKafka.send(Topics.PRESENCE_TYPING_UPDATES, "room:" + room,
                new TypingUpdate("room:" + room, "alice", true, 1, List.of("alice"), false, 6L));
        ObjectNode seen = bob.await("typing");
        assertEquals("alice", seen.path("userId").asText());
        assertTrue(seen.path("active").asBoolean());
        alice.send(Map.of("type", "ping", "id", "after"));
        awaitFrame(alice, "pong", "after");
        assertTrue(alice.seen().stream().noneMatch(frame -> "typing".equals(frame.path("type").asText())));
    }

    @Test
    void typingWithAnIdIsAcked() {
        WsTestClient alice = connected("alice");
        alice.send(Map.of("type", "typing", "channel", "room:" + unique("room"), "active", false, "id", "t1"));
        awaitFrame(alice, "ack", "t1");
    }

    @Test
    void signalsReachEveryConnectionOfTheTarget() {
        WsTestClient alice = connected("alice");
        WsTestClient bobPhone = connected("bob");
        WsTestClient bobLaptop = connected("bob");
        try (TestKafka.Probe probe = new TestKafka.Probe(Topics.USER_INBOX)) {
            alice.send(Map.of("type", "signal", "to", "bob", "id", "sig1", "data", Map.of("sdp", "offer")));
            awaitFrame(alice, "ack", "sig1");
            InboxEvent relayed = probe.await(InboxEvent.class, e -> "bob".equals(e.to()) && "alice".equals(e.from()));
            assertEquals(InboxEvent.Kind.SIGNAL, relayed.kind());
        }
        for (WsTestClient bob : List.of(bobPhone, bobLaptop)) {
            ObjectNode signal = bob.await("signal");
            assertEquals("alice", signal.path("from").asText());
            assertEquals("offer", signal.path("data").path("sdp").asText());
            assertEquals("user:bob", signal.path("channel").asText());
        }
    }

    @Test
    void signalsFromAnotherReplicaArriveThroughTheInbox() {
        WsTestClient carol = connected("carol");
        TestKafka.send(Topics.USER_INBOX, "carol", new InboxEvent(InboxEvent.Kind.SIGNAL, "carol", "dave",
                TestKafka.JSON.createObjectNode().put("candidate", "c1"), 1L));
        ObjectNode signal = carol.await("signal");
        assertEquals("dave", signal.path("from").asText());
        assertEquals("c1", signal.path("data").path("candidate").asText());
    }

    @Test
    void oversizedSignalsAreTooLarge() {
        WsTestClient alice = connected("alice");
        alice.send(Map.of("type", "signal", "to", "bob", "id", "big", "data", Map.of("sdp", "x".repeat(17 * 1024))));
        assertEquals("too_large", awaitFrame(alice, "error", "big").path("code").asText());
        alice.send(Map.of("type", "signal", "to", "not a user!", "id", "bad", "data", Map.of()));
        assertEquals("bad_request", awaitFrame(alice, "error", "bad").path("code").asText());
    }
}
