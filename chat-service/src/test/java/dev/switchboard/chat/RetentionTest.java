package dev.switchboard.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.retention.RetentionSweeper;
import dev.switchboard.contracts.chat.ChatCommand;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Per-room retention removes old messages; rooms without one keep theirs; /events reports what is gone. */
@QuarkusTest
class RetentionTest extends ChatServiceTestBase {

    @Inject
    RetentionSweeper sweeper;

    void publish(String room, int from, int to) {
        List<ChatCommand> commands = java.util.stream.IntStream.range(from, to)
                .mapToObj(i -> kafka.publish(room, "ret", "m" + i, "text " + i)).toList();
        sendAndAwaitReplies(commands);
    }

    @Test
    void expiredMessagesGoAndEventsReportTheEarliestSeqLeft() {
        String shortLived = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        String forever = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("X-Switchboard-User", "ret").contentType("application/json")
                .body("{\"id\":\"" + shortLived + "\",\"visibility\":\"public\",\"retentionSeconds\":60}")
                .post("/v1/rooms").then().statusCode(201);
        publish(shortLived, 0, 3);
        publish(forever, 0, 3);

        // As if two minutes had passed: the sweep compares message times with the time it is given.
        long removed = sweeper.sweep(System.currentTimeMillis() + 120_000);
        assertEquals(6, removed, "three messages and their three events");

        given().get("/v1/rooms/{id}/messages", shortLived).then().statusCode(200).body("messages", empty());
        given().get("/v1/rooms/{id}/events?after=0", shortLived).then().statusCode(200)
                .body("events", empty()).body("latestSeq", equalTo(3)).body("earliestSeq", equalTo(4));
        publish(shortLived, 3, 4);
        given().get("/v1/rooms/{id}/events?after=0", shortLived).then().statusCode(200)
                .body("events.seq", contains(4)).body("earliestSeq", equalTo(4));

        given().get("/v1/rooms/{id}/messages", forever).then().statusCode(200).body("messages.seq", contains(1, 2, 3));
        given().get("/v1/rooms/{id}/events", forever).then().statusCode(200).body("earliestSeq", equalTo(1));
    }
}
