package dev.switchboard.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;


import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.chat.MembershipEvent;
import io.quarkus.test.junit.QuarkusTest;

/** Rooms and membership over HTTP, with the MembershipEvents they emit, and every bad input as problem+json. */
@QuarkusTest
class RoomsApiTest extends ChatServiceTestBase {

    @Test
    void createGetAndListRooms() {
        String room = room();
        as("olga").body("{\"id\":\"" + room + "\",\"visibility\":\"private\",\"name\":\"Ops\"}").post("/v1/rooms")
                .then().statusCode(201)
                .header("Location", containsString("/v1/rooms/" + room))
                .body("id", equalTo(room))
                .body("visibility", equalTo("private"))
                .body("name", equalTo("Ops"))
                .body("createdBy", equalTo("olga"))
                .body("latestSeq", equalTo(0))
                .body("role", equalTo("moderator"));
        await().atMost(WAIT).until(() -> kafka.membershipOf(room).size() == 2);
        MembershipEvent created = kafka.membershipOf(room).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(MembershipEvent.Kind.ROOM_CREATED, created.kind());
        org.junit.jupiter.api.Assertions.assertEquals(MembershipEvent.Visibility.PRIVATE, created.visibility());

        as("olga").get("/v1/rooms/{id}", room).then().statusCode(200).body("role", equalTo("moderator"));
        as("pete").get("/v1/rooms/{id}", room).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("forbidden"));
        as("pete").get("/v1/rooms/{id}", room()).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("not_found"));
        as("olga").get("/v1/rooms").then().statusCode(200).body("rooms.id", hasItem(room));
        as("pete").get("/v1/rooms").then().statusCode(200).body("rooms.id", not(hasItem(room)));

        String generated = as("olga").body("{\"visibility\":\"PUBLIC\"}").post("/v1/rooms").then().statusCode(201)
                .body("visibility", equalTo("public")).extract().path("id");
        given().get("/v1/rooms/{id}", generated).then().statusCode(200).body("id", equalTo(generated));
        as("olga").body("{\"id\":\"" + room + "\",\"visibility\":\"public\"}").post("/v1/rooms")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void roomRequestsWithBadInputAreProblems() {
        as("olga").body("{\"visibility\":\"secret\"}").post("/v1/rooms").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("bad_request")).body("detail", containsString("visibility"));
        as("olga").body("{\"id\":\"bad id!\",\"visibility\":\"public\"}").post("/v1/rooms").then().statusCode(400)
                .contentType(PROBLEM);
        as("olga").body("{}").post("/v1/rooms").then().statusCode(400).contentType(PROBLEM);
        as("olga").body("{not json").post("/v1/rooms").then().statusCode(400).contentType(PROBLEM);
        as("olga").body("{\"visibility\":\"public\",\"retentionSeconds\":-5}").post("/v1/rooms").then()
                .statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body("{\"visibility\":\"public\"}").post("/v1/rooms").then()
                .statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthorized"));
        given().get("/v1/rooms").then().statusCode(401).contentType(PROBLEM);
        given().get("/v1/rooms/{id}", "no spaces allowed").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void moderatorsManageMembersAndAnyoneMayJoinAPublicRoom() {
        String room = room();
        as("mod").body("{\"id\":\"" + room + "\",\"visibility\":\"public\"}").post("/v1/rooms").then()
                .statusCode(201);
        as("joe").body("{}").put("/v1/rooms/{id}/members/{u}", room, "joe").then().statusCode(200)
                .body("role", equalTo("member"));
        as("joe").body("{\"role\":\"moderator\"}").put("/v1/rooms/{id}/members/{u}", room, "joe").then()
                .statusCode(403).contentType(PROBLEM);
        as("joe").body("{}").put("/v1/rooms/{id}/members/{u}", room, "kim").then().statusCode(403)
                .contentType(PROBLEM);
        as("mod").body("{\"role\":\"moderator\"}").put("/v1/rooms/{id}/members/{u}", room, "joe").then()
                .statusCode(200).body("role", equalTo("moderator"));
        as("mod").body("{\"role\":\"boss\"}").put("/v1/rooms/{id}/members/{u}", room, "joe").then()
                .statusCode(400).contentType(PROBLEM);
        as("mod").get("/v1/rooms/{id}/members", room).then().statusCode(200)
                .body("members.userId", contains("joe", "mod"))
                .body("members.role", contains("moderator", "moderator"));
        as("kim").delete("/v1/rooms/{id}/members/{u}", room, "joe").then().statusCode(403).contentType(PROBLEM);
        as("joe").delete("/v1/rooms/{id}/members/{u}", room, "joe").then().statusCode(204);
        as("joe").delete("/v1/rooms/{id}/members/{u}", room, "joe").then().statusCode(404).contentType(PROBLEM);
        as("mod").get("/v1/rooms/{id}/members", room).then().statusCode(200).body("members.userId", contains("mod"));
        as("mod").get("/v1/rooms/{id}/members", room()).then().statusCode(404).contentType(PROBLEM);
        as("mod").put("/v1/rooms/{id}/members/{u}", room, "bad user!").then().statusCode(400).contentType(PROBLEM);

        await().atMost(WAIT).until(() -> kafka.membershipOf(room).size() == 5);
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(MembershipEvent.Kind.ROOM_CREATED, MembershipEvent.Kind.ADDED,
                        MembershipEvent.Kind.ADDED, MembershipEvent.Kind.ROLE_CHANGED, MembershipEvent.Kind.REMOVED),
                kafka.membershipOf(room).stream().map(MembershipEvent::kind).toList());
    }

    @Test
    void privateRoomMembersAreAddedByModeratorsOnly() {
        String room = room();
        as("mod").body("{\"id\":\"" + room + "\",\"visibility\":\"private\"}").post("/v1/rooms").then()
                .statusCode(201);
        as("eve").body("{}").put("/v1/rooms/{id}/members/{u}", room, "eve").then().statusCode(403)
                .contentType(PROBLEM);
        as("eve").get("/v1/rooms/{id}/members", room).then().statusCode(403).contentType(PROBLEM);
        as("mod").body("{}").put("/v1/rooms/{id}/members/{u}", room, "eve").then().statusCode(200);
        as("eve").get("/v1/rooms/{id}/members", room).then().statusCode(200).body("members", not(empty()));
        given().queryParam("userId", "eve").get("/v1/rooms/{id}/access", room).then().statusCode(200)
                .body("member", equalTo(true)).body("role", equalTo("member")).body("visibility", equalTo("PRIVATE"));
    }

    @Test
    void retentionIsSetByModerators() {
        String room = room();
        as("mod").body("{\"id\":\"" + room + "\",\"visibility\":\"public\",\"retentionSeconds\":3600}")
                .post("/v1/rooms").then().statusCode(201).body("retentionSeconds", equalTo(3600));
        as("mod").body("{\"retentionSeconds\":60}").put("/v1/rooms/{id}/retention", room).then().statusCode(200)
                .body("retentionSeconds", equalTo(60));
        as("joe").body("{\"retentionSeconds\":60}").put("/v1/rooms/{id}/retention", room).then().statusCode(403)
                .contentType(PROBLEM);
        as("mod").body("{\"retentionSeconds\":0}").put("/v1/rooms/{id}/retention", room).then().statusCode(400)
                .contentType(PROBLEM);
        as("mod").body("{\"retentionSeconds\":null}").put("/v1/rooms/{id}/retention", room).then().statusCode(200)
                .body("retentionSeconds", org.hamcrest.Matchers.nullValue());
        as("mod").get("/v1/rooms/{id}", room).then().statusCode(200).body("id", notNullValue());
    }
}
