package dev.switchboard.presence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(HttpPortResource.class)
class PresenceFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    final PresenceKafka kafka = PresenceKafka.get();

    @Test
    void userWithSeveralConnectionsJoinsOnceAndLeavesOnce() {
        String room = PresenceKafka.room();
        kafka.join(room, "alice", "a-tab1", "gw-1");
        kafka.join(room, "alice", "a-tab2", "gw-1");
        kafka.join(room, "alice", "a-phone", "gw-2");
        kafka.leave(room, "alice", "a-tab1", "gw-1");
        kafka.leave(room, "alice", "a-phone", "gw-2");
        kafka.join(room, "bob", "b-1", "gw-1");
        // bob's join is processed after everything alice did before it (same channel, same partition, in order)
        await().atMost(PATIENCE).until(() -> joined(room).contains("bob"));

        assertEquals(List.of("alice", "bob"), joined(room));
        assertEquals(List.of(), left(room));
        PresenceDiff first = kafka.diffs(room).get(0);
        assertEquals("ALICE", first.joins().get(0).meta().get("name").asText());
        assertEquals(1, first.count());
        assertEquals(2, kafka.diffs(room).get(1).count());

        kafka.leave(room, "alice", "a-tab2", "gw-1");
        await().atMost(PATIENCE).until(() -> left(room).contains("alice"));
        PresenceDiff last = kafka.diffs(room).get(kafka.diffs(room).size() - 1);
        assertEquals(1, last.count());
        assertEquals(false, last.sampled());
    }

    /**
     * A gateway restart as a small room sees it (5 users: %test's large-room threshold): everyone drops at once and comes
     * back a moment later, with new meta. The first drop goes out at once; the other 9 changes within the 250 ms window
     * go out together, exactly.
     */
    @Test
    void aReconnectBurstInASmallRoomIsAFewExactDiffs() {
        String room = PresenceKafka.room();
        List<String> users = java.util.stream.IntStream.range(0, 5).mapToObj(i -> "r" + i).toList();
        users.forEach(u -> kafka.join(room, u, u + "-1", "gw-1"));
        await().atMost(PATIENCE).until(() -> joined(room).size() == 5);
        await().pollDelay(Duration.ofMillis(1_500)).atMost(PATIENCE).until(() -> true); // every window of the joins ended
        int before = kafka.diffs(room).size();

        users.forEach(u -> kafka.leaveAsync(room, u, u + "-1", "gw-1"));
        users.forEach(u -> kafka.joinAsync(room, u, u + "-2", "gw-1", kafka.mapper.createObjectNode().put("name", "back")));
        kafka.flush();
        await().atMost(PATIENCE).until(() -> {
            List<PresenceDiff> all = kafka.diffs(room);
            return all.size() > before && all.get(all.size() - 1).count() == 5;
        });

        List<PresenceDiff> burst = kafka.diffs(room).subList(before, kafka.diffs(room).size());
        assertTrue(burst.size() <= 4, "10 changes in a burst became " + burst.size() + " diffs: " + burst);
        assertEquals(List.of("r0"), burst.get(0).leaves().stream().map(PresenceMember::userId).toList(), "the first drop, at once and alone");
        assertEquals(List.of(), burst.get(0).joins());
        assertTrue(burst.stream().noneMatch(PresenceDiff::sampled));
        // Applied in order, the diffs leave the room as it is: everyone back, with the new meta.
        java.util.Map<String, String> present = new java.util.TreeMap<>();
        users.forEach(u -> present.put(u, u.toUpperCase()));
        for (PresenceDiff diff : burst) {
            diff.leaves().forEach(m -> assertTrue(present.remove(m.userId()) != null, m.userId() + " was not there: " + burst));
            diff.joins().forEach(m -> present.put(m.userId(), m.meta().get("name").asText()));
            assertEquals(diff.count(), present.size(), "count of " + diff);
        }
        java.util.Map<String, String> back = new java.util.TreeMap<>();
        users.forEach(u -> back.put(u, "back"));
        assertEquals(back, present);
    }

    @Test
    void presenceEndpointListsMembersWithMetaAndConnectionCounts() {
        String room = PresenceKafka.room();
        String id = room.substring("room:".length());
        kafka.join(room, "carol", "c-1", "gw-1");
        kafka.join(room, "carol", "c-2", "gw-2");
        kafka.join(room, "dave", "d-1", "gw-1");
        await().atMost(PATIENCE).until(() -> joined(room).contains("dave"));

        given().when().get("/v1/rooms/{id}/presence", id)
                .then().statusCode(200)
                .body("channel", equalTo(room))
                .body("count", equalTo(2))
                .body("sampled", equalTo(false))
                .body("members.userId", hasItems("carol", "dave"))
                .body("members.find { it.userId == 'carol' }.connections", equalTo(2))
                .body("members.find { it.userId == 'carol' }.meta.name", equalTo("CAROL"))
                .body("members.find { it.userId == 'dave' }.connections", equalTo(1));
    }

    @Test
    void emptyRoomHasNoMembers() {
        given().when().get("/v1/rooms/{id}/presence", "nobody-here")
                .then().statusCode(200)
                .body("channel", equalTo("room:nobody-here"))
                .body("count", equalTo(0))
                .body("members", empty())
                .body("sampled", equalTo(false));
    }

    @Test
    void invalidRoomIdIsABadRequestProblem() {
        given().when().get("/v1/rooms/{id}/presence", "not valid!")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_request"))
                .body("status", equalTo(400))
                .body("detail", containsString("Room id"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stackTrace")));
        given().when().get("/v1/rooms/{id}/presence", "x".repeat(129))
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void stoppingGatewayTakesItsConnectionsAtOnceButNotUsersStillOnAnotherGateway() {
        String room = PresenceKafka.room();
        kafka.join(room, "erin", "e-1", "gw-stopping");
        kafka.join(room, "frank", "f-1", "gw-stopping");
        kafka.join(room, "frank", "f-2", "gw-staying");
        await().atMost(PATIENCE).until(() -> joined(room).containsAll(List.of("erin", "frank")));

        kafka.heartbeat("gw-stopping", 10_000, true);
        await().atMost(PATIENCE).until(() -> left(room).contains("erin"));
        kafka.join(room, "sentinel", "s-1", "gw-staying");
        await().atMost(PATIENCE).until(() -> joined(room).contains("sentinel"));
        assertEquals(List.of("erin"), left(room));

        given().when().get("/v1/rooms/{id}/presence", room.substring(5))
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("members.find { it.userId == 'frank' }.connections", equalTo(1));
    }

    @Test
    void usersOfAGatewayWhoseLeaseLapsesLeaveAndComeBackWhenItRejoins() {
        String room = PresenceKafka.room();
        String dying = "gw-dying-" + room.substring(7);
        kafka.heartbeat(dying, 3_000, false);
        kafka.join(room, "gina", "g-1", dying);
        kafka.join(room, "hank", "h-1", dying);
        await().atMost(PATIENCE).until(() -> joined(room).containsAll(List.of("gina", "hank")));
        long lastHeartbeat = System.currentTimeMillis();
        kafka.heartbeat(dying, 3_000, false);

        // No more heartbeats: the gateway is dead. Its lease lapses and both users leave, in one diff.
        await().atMost(PATIENCE).until(() -> left(room).size() == 2);
        PresenceDiff leaves = kafka.diffs(room).stream().filter(d -> !d.leaves().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of("gina", "hank"), leaves.leaves().stream().map(PresenceMember::userId).sorted().toList());
        assertEquals(0, leaves.count());
        assertTrue(leaves.ts() >= lastHeartbeat + 3_000, "left before the lease ran out");
        // ...and the expiry is published for the gateway, from the one partition that held the room.
        await().atMost(PATIENCE).until(() -> !kafka.expiries(dying).isEmpty());
        assertEquals(2, kafka.expiries(dying).get(0).connections());

        // It was only cut off: it heart-beats again and re-announces its connections (twice: one per expiry it may
        // read). Both users are back, once each.
        kafka.heartbeat(dying, 10_000, false);
        for (int round = 0; round < 2; round++) {
            kafka.join(room, "gina", "g-1", dying);
            kafka.join(room, "hank", "h-1", dying);
        }
        kafka.join(room, "sentinel", "s-1", "gw-staying");
        await().atMost(PATIENCE).until(() -> joined(room).contains("sentinel"));
        assertEquals(List.of("gina", "gina", "hank", "hank", "sentinel"), joined(room).stream().sorted().toList());
        given().when().get("/v1/rooms/{id}/presence", room.substring(5))
                .then().statusCode(200)
                .body("count", equalTo(3));
        kafka.heartbeat(dying, 10_000, true);
    }

    /** The time every channel partition judges leases by: this instance's tick, in each partition of presence.heartbeats. */
    @Test
    void theServiceWritesItsClockTickToEveryPartitionOfTheHeartbeats() {
        assertEquals(java.util.stream.IntStream.range(0, Topics.CHANNEL_PARTITIONS).boxed().toList(),
                List.copyOf(kafka.clockTickPartitions(PATIENCE)));
    }

    @Test
    void malformedEventsAreDroppedAndProcessingGoesOn() {
        String room = PresenceKafka.room();
        kafka.sendRaw(Topics.PRESENCE_CONNECTIONS, room, "{not json");
        kafka.sendRaw(Topics.PRESENCE_CONNECTIONS, room,
                "{\"kind\":\"JOIN\",\"channel\":\"" + room + "\",\"userId\":\"bad user!\",\"connectionId\":\"x\",\"gatewayId\":\"gw-1\"}");
        kafka.sendRaw(Topics.PRESENCE_CONNECTIONS, "room:other",
                "{\"kind\":\"JOIN\",\"channel\":\"" + room + "\",\"userId\":\"wrongkey\",\"connectionId\":\"x\",\"gatewayId\":\"gw-1\"}");
        kafka.sendRaw(Topics.PRESENCE_HEARTBEATS, "gw-x", "[1,2]");
        kafka.join(room, "ivan", "i-1", "gw-1");
        await().atMost(PATIENCE).until(() -> joined(room).contains("ivan"));
        assertEquals(List.of("ivan"), joined(room));
    }

    @Test
    void readinessReflectsKafkaStreamsState() {
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'presence-streams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'presence-streams' }.data.state", org.hamcrest.Matchers.oneOf("RUNNING", "REBALANCING")));
    }

    private List<String> joined(String room) {
        return kafka.diffs(room).stream().flatMap(d -> d.joins().stream()).map(PresenceMember::userId).toList();
    }

    private List<String> left(String room) {
        return kafka.diffs(room).stream().flatMap(d -> d.leaves().stream()).map(PresenceMember::userId).toList();
    }
}
