package dev.switchboard.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Who may use which channel: public and private rooms, user inboxes, read-only tickers. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ChannelAuthorizationTest extends GatewayTestBase {

    private final FakeBackends backends = FakeBackends.get();

    @Test
    void privateRoomsAreForMembersOnly() {
        String room = unique("private");
        backends.createPrivateRoom(room, "alice");
        WsTestClient alice = connected("alice");
        WsTestClient mallory = connected("mallory");

        assertTrue(subscribe(alice, "room:" + room).path("recovered").asBoolean());

        mallory.send(Map.of("type", "subscribe", "channel", "room:" + room, "id", "s1"));
        ObjectNode denied = awaitFrame(mallory, "error", "s1");
        assertEquals("forbidden", denied.path("code").asText());

        mallory.send(publishFrame("p1", "room:" + room, "m1", "let me in"));
        assertEquals("forbidden", awaitFrame(mallory, "error", "p1").path("code").asText());

        alice.send(publishFrame("p2", "room:" + room, "m2", "members only"));
        assertEquals(1, awaitFrame(alice, "ack", "p2").path("seq").asLong());
    }

    @Test
    void removedMembersLoseTheirSubscriptionAtOnce() {
        String room = unique("private");
        backends.createPrivateRoom(room, "alice", "bob");
        WsTestClient alice = connected("alice");
        WsTestClient bob = connected("bob");
        subscribe(bob, "room:" + room);

        backends.removeMember(room, "bob");
        ObjectNode revoked = bob.await(frame -> "error".equals(frame.path("type").asText())
                && ("room:" + room).equals(frame.path("channel").asText()), TIMEOUT);
        assertEquals("forbidden", revoked.path("code").asText());

        alice.send(publishFrame("p1", "room:" + room, "after-removal", "secret"));
        awaitFrame(alice, "ack", "p1");
        // bob's next frames show no message of that room: a ping is answered after anything already queued.
        bob.send(Map.of("type", "ping", "id", "after"));
        awaitFrame(bob, "pong", "after");
        assertTrue(bob.seen().stream().noneMatch(frame -> "message".equals(frame.path("type").asText())));
    }

    @Test
    void addedMembersMaySubscribeOnceTheMembershipEventArrives() {
        String room = unique("private");
        backends.createPrivateRoom(room, "alice");
        WsTestClient carol = connected("carol");
        carol.send(Map.of("type", "subscribe", "channel", "room:" + room, "id", "before"));
        assertEquals("forbidden", awaitFrame(carol, "error", "before").path("code").asText());

        backends.addMember(room, "carol");
        int[] attempt = {0};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String id = "try-" + attempt[0]++;
            carol.send(Map.of("type", "subscribe", "channel", "room:" + room, "id", id));
            ObjectNode answer = carol.await(frame -> id.equals(frame.path("id").asText()), TIMEOUT);
            return "subscribed".equals(answer.path("type").asText());
        });
    }

    @Test
    void accessAnswersAreCached() {
        String room = unique("public");
        WsTestClient dave = connected("dave");
        subscribe(dave, "room:" + room);
        int reads = backends.accessReads();
        dave.send(publishFrame("p1", "room:" + room, "c1", "one"));
        awaitFrame(dave, "ack", "p1");
        dave.send(publishFrame("p2", "room:" + room, "c2", "two"));
        awaitFrame(dave, "ack", "p2");
        assertEquals(reads, backends.accessReads());
    }

    @Test
    void usersOfAPublicRoomShareTheRoomsAccessAnswer() {
        String room = unique("public");
        subscribe(connected("frank"), "room:" + room);
        int reads = backends.accessReads();
        for (String user : List.of("gina", "hank", "ivan")) {
            subscribe(connected(user), "room:" + room);
        }
        assertEquals(reads, backends.accessReads());
    }

    @Test
    void userChannelsBelongToTheirOwner() {
        WsTestClient erin = connected("erin");
        assertEquals("user:erin", subscribe(erin, "user:erin").path("channel").asText());
        erin.send(Map.of("type", "subscribe", "channel", "user:frank", "id", "s1"));
        assertEquals("forbidden", awaitFrame(erin, "error", "s1").path("code").asText());
        erin.send(publishFrame("p1", "user:erin", "u1", "hi"));
        assertEquals("forbidden", awaitFrame(erin, "error", "p1").path("code").asText());
    }

    @Test
    void tickersAreReadOnlyForClients() {
        WsTestClient erin = connected("erin");
        erin.send(publishFrame("p1", "ticker:ACME", "t1", "buy"));
        assertEquals("forbidden", awaitFrame(erin, "error", "p1").path("code").asText());
    }

    @Test
    void chatServiceDownMeansUnavailableNotAllowed() {
        String room = unique("room");
        WsTestClient erin = connected("erin");
        backends.chatAvailable(false);
        try {
            erin.send(Map.of("type", "subscribe", "channel", "room:" + room, "id", "s1"));
            assertEquals("unavailable", awaitFrame(erin, "error", "s1").path("code").asText());
        } finally {
            backends.chatAvailable(true);
        }
    }
}
