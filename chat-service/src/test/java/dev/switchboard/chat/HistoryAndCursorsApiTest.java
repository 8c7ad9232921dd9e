package dev.switchboard.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.chat.ChatCommand;
import io.quarkus.test.junit.QuarkusTest;

/** History pages at their edges, read cursors and unread counts, over HTTP, on messages sent through Kafka. */
@QuarkusTest
class HistoryAndCursorsApiTest extends ChatServiceTestBase {

    /** Publishes {@code count} messages (the first one from "author") and waits until they are all acked. */
    static String roomWith(int count, String author, String other) {
        String room = room();
        List<ChatCommand> commands = IntStream.rangeClosed(1, count)
                .mapToObj(i -> kafka.publish(room, i == 1 ? author : other, "m" + i, "text " + i))
                .toList();
        sendAndAwaitReplies(commands);
        return room;
    }

    @Test
    void emptyRoomHasAnEmptyHistory() {
        String room = room();
        as("amy").body("{\"id\":\"" + room + "\",\"visibility\":\"public\"}").post("/v1/rooms").then()
                .statusCode(201);
        given().get("/v1/rooms/{id}/messages", room).then().statusCode(200)
                .body("roomId", equalTo(room)).body("messages", empty()).body("hasMore", equalTo(false));
    }

    @Test
    void pagesBackwardsAndForwardsBySeq() {
        String room = roomWith(12, "amy", "ben");
        given().get("/v1/rooms/{id}/messages?limit=5", room).then().statusCode(200)
                .body("messages.seq", contains(8, 9, 10, 11, 12)).body("hasMore", equalTo(true))
                .body("messages[0].msgId", equalTo("m8"))
                .body("messages[0].from", equalTo("ben"))
                .body("messages[0].data.text", equalTo("text 8"))
                .body("messages[0].deleted", equalTo(false));
        given().get("/v1/rooms/{id}/messages?before=8&limit=5", room).then().statusCode(200)
                .body("messages.seq", contains(3, 4, 5, 6, 7)).body("hasMore", equalTo(true));
        given().get("/v1/rooms/{id}/messages?before=3&limit=5", room).then().statusCode(200)
                .body("messages.seq", contains(1, 2)).body("hasMore", equalTo(false));
        given().get("/v1/rooms/{id}/messages?before=1", room).then().statusCode(200)
                .body("messages", empty()).body("hasMore", equalTo(false));
        given().get("/v1/rooms/{id}/messages?after=10&limit=5", room).then().statusCode(200)
                .body("messages.seq", contains(11, 12)).body("hasMore", equalTo(false));
        given().get("/v1/rooms/{id}/messages?after=0&limit=3", room).then().statusCode(200)
                .body("messages.seq", contains(1, 2, 3)).body("hasMore", equalTo(true));
        given().get("/v1/rooms/{id}/messages?after=12", room).then().statusCode(200)
                .body("messages", empty()).body("hasMore", equalTo(false));
        given().get("/v1/rooms/{id}/messages?after=3&before=7", room).then().statusCode(200)
                .body("messages.seq", contains(4, 5, 6));
    }

    @Test
    void limitIsCapped() {
        String room = roomWith(205, "amy", "ben");
        // The test profile keeps the default cap of 200.
        given().get("/v1/rooms/{id}/messages?limit=100000", room).then().statusCode(200)
                .body("messages", hasSize(200)).body("hasMore", equalTo(true))
                .body("messages[0].seq", equalTo(6));
        given().get("/v1/rooms/{id}/messages", room).then().statusCode(200).body("messages", hasSize(50));
    }

    @Test
    void badHistoryParametersAreProblems() {
        String room = roomWith(1, "amy", "ben");
        for (String query : List.of("limit=0", "limit=-1", "limit=abc", "before=0", "before=x", "after=-1",
                "after=1.5")) {
            given().get("/v1/rooms/{id}/messages?" + query, room).then().statusCode(400).contentType(PROBLEM)
                    .body("code", equalTo("bad_request")).body("status", equalTo(400))
                    .body("detail", not(containsString("Exception")));
        }
        given().get("/v1/rooms/{id}/messages", "bad!id").then().statusCode(400).contentType(PROBLEM);
        given().get("/v1/rooms/{id}/messages", room()).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("not_found"));
    }

    @Test
    void privateHistoryIsForMembersOnly() {
        String room = room();
        as("amy").body("{\"id\":\"" + room + "\",\"visibility\":\"private\"}").post("/v1/rooms").then()
                .statusCode(201);
        as("zed").get("/v1/rooms/{id}/messages", room).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("forbidden"));
        given().get("/v1/rooms/{id}/messages", room).then().statusCode(403).contentType(PROBLEM);
        as("amy").get("/v1/rooms/{id}/messages", room).then().statusCode(200).body("messages", empty());
    }

    @Test
    void readCursorsAndUnreadCounts() {
        String first = roomWith(5, "cat", "dan");   // cat moderates it: a member
        String second = roomWith(3, "dan", "eli");  // cat is not a member here
        as("cat").get("/v1/rooms/{id}/cursor", first).then().statusCode(200)
                .body("seq", equalTo(0)).body("latestSeq", equalTo(5)).body("unread", equalTo(4));
        as("cat").body("{\"seq\":3}").put("/v1/rooms/{id}/cursor", first).then().statusCode(200)
                .body("roomId", equalTo(first)).body("seq", equalTo(3)).body("unread", equalTo(2));
        as("cat").get("/v1/rooms/{id}/cursor", first).then().statusCode(200).body("seq", equalTo(3));
        as("cat").get("/v1/unread").then().statusCode(200)
                .body("rooms.roomId", contains(first)).body("total", equalTo(2));
        // A cursor in a public room one is not a member of counts too.
        as("cat").body("{\"seq\":1}").put("/v1/rooms/{id}/cursor", second).then().statusCode(200)
                .body("unread", equalTo(2));
        as("cat").get("/v1/unread").then().statusCode(200).body("total", equalTo(4));

        as("cat").body("{\"seq\":6}").put("/v1/rooms/{id}/cursor", first).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("latest"));
        as("cat").body("{\"seq\":-1}").put("/v1/rooms/{id}/cursor", first).then().statusCode(400)
                .contentType(PROBLEM);
        as("cat").body("{}").put("/v1/rooms/{id}/cursor", first).then().statusCode(400).contentType(PROBLEM);
        as("cat").body("{\"seq\":\"x\"}").put("/v1/rooms/{id}/cursor", first).then().statusCode(400)
                .contentType(PROBLEM);
        as("cat").body("{\"seq\":1}").put("/v1/rooms/{id}/cursor", room()).then().statusCode(404)
                .contentType(PROBLEM);
        given().contentType("application/json").body("{\"seq\":1}").put("/v1/rooms/{id}/cursor", first).then()
                .statusCode(401).contentType(PROBLEM);
        given().get("/v1/unread").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void readinessReportsKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("chat-command-path"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Kafka")))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
