package dev.switchboard.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.contracts.chat.MembershipEvent;
import io.quarkus.test.junit.QuarkusTest;

/** The walking skeleton: a PUBLISH on chat.commands is stored, acked and emitted, and the internal reads see it. */
@QuarkusTest
class PublishPathTest extends ChatServiceTestBase {

    @Test
    void publishIsStoredAckedAndEmittedWithSeqOne() {
        String room = room();
        ChatCommand first = kafka.publish(room, "alice", "m1", "hello");
        kafka.send(first);

        await().atMost(WAIT).until(() -> kafka.replyTo(first) != null && kafka.eventsOf(room).size() == 1);
        ChatReply reply = kafka.replyTo(first);
        assertTrue(reply.ok());
        assertEquals(1, reply.seq());
        assertEquals(kafka.replyTo, reply.replyTo());
        ChatEvent event = kafka.eventsOf(room).get(0);
        assertEquals(ChatEvent.Kind.CREATED, event.kind());
        assertEquals(1, event.seq());
        assertEquals(reply.messageId(), event.messageId());
        assertEquals("m1", event.msgId());
        assertEquals("alice", event.from());
        assertEquals("hello", event.data().get("text").asText());

        // The room did not exist: it was created public, with the first publisher as its moderator.
        await().atMost(WAIT).until(() -> kafka.membershipOf(room).size() == 2);
        assertEquals(MembershipEvent.Kind.ROOM_CREATED, kafka.membershipOf(room).get(0).kind());
        assertEquals(MembershipEvent.Visibility.PUBLIC, kafka.membershipOf(room).get(0).visibility());
        assertEquals("moderator", kafka.membershipOf(room).get(1).role());

        ChatCommand second = kafka.publish(room, "bob", "m2", "hi alice");
        kafka.send(second);
        await().atMost(WAIT).until(() -> kafka.replyTo(second) != null);
        assertEquals(2, kafka.replyTo(second).seq());

        given().queryParam("userId", "alice").get("/v1/rooms/{id}/access", room).then()
                .statusCode(200)
                .body("roomId", equalTo(room))
                .body("exists", equalTo(true))
                .body("visibility", equalTo("PUBLIC"))
                .body("member", equalTo(true))
                .body("role", equalTo("moderator"))
                .body("latestSeq", equalTo(2));
        given().queryParam("userId", "bob").get("/v1/rooms/{id}/access", room).then()
                .statusCode(200).body("member", equalTo(false)).body("role", nullValue());

        given().queryParam("after", 1).get("/v1/rooms/{id}/events", room).then()
                .statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].seq", equalTo(2))
                .body("events[0].kind", equalTo("CREATED"))
                .body("events[0].from", equalTo("bob"))
                .body("events[0].data.text", equalTo("hi alice"))
                .body("latestSeq", equalTo(2))
                .body("earliestSeq", equalTo(1))
                .body("hasMore", equalTo(false));
        given().queryParam("after", 0).queryParam("limit", 1).get("/v1/rooms/{id}/events", room).then()
                .statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].seq", equalTo(1))
                .body("hasMore", equalTo(true));
    }

    @Test
    void unknownRoomHasNoAccessRecordAndNoEvents() {
        String room = room();
        given().queryParam("userId", "alice").get("/v1/rooms/{id}/access", room).then()
                .statusCode(200)
                .body("exists", equalTo(false))
                .body("visibility", nullValue())
                .body("member", equalTo(false))
                .body("latestSeq", equalTo(0));
        given().get("/v1/rooms/{id}/events", room).then()
                .statusCode(200)
                .body("events", hasSize(0))
                .body("latestSeq", equalTo(0))
                .body("earliestSeq", equalTo(0))
                .body("hasMore", equalTo(false));
    }

    @Test
    void internalReadsRefuseBadParametersWithProblemJson() {
        given().get("/v1/rooms/{id}/events?after=-1", "r1").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("bad_request"));
        given().get("/v1/rooms/{id}/events?limit=0", "r1").then()
                .statusCode(400).contentType("application/problem+json");
        given().get("/v1/rooms/{id}/events?after=abc", "r1").then()
                .statusCode(400).contentType("application/problem+json");
        given().get("/v1/rooms/{id}/access", "bad room!").then()
                .statusCode(400).contentType("application/problem+json");
        given().get("/v1/rooms/{id}/access?userId=%20%3Cx%3E", "r1").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
