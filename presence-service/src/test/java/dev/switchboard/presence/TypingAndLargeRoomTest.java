package dev.switchboard.presence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** %test sets the large-room threshold to 5 users and the sample size to 3; small-room diffs keep their 250 ms window. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(HttpPortResource.class)
class TypingAndLargeRoomTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    final PresenceKafka kafka = PresenceKafka.get();

    @Test
    void typingIndicatorEndsByItselfSixSecondsAfterTheLastActiveTrue() {
        String room = PresenceKafka.room();
        kafka.typing(room, "tina", true);
        await().atMost(PATIENCE).until(() -> updates(room, "tina").size() == 1);
        long lastActive = System.currentTimeMillis();
        kafka.typing(room, "tina", true);

        await().atMost(PATIENCE).until(() -> updates(room, "tina").stream().anyMatch(u -> !u.active()));
        List<TypingUpdate> updates = updates(room, "tina");
        assertEquals(List.of(true, false), updates.stream().map(TypingUpdate::active).toList(), "one start (the repeat is deduplicated), one end");
        assertTrue(updates.get(1).ts() >= lastActive + 6_000, "ended before 6 s after the last active:true");
        assertEquals(0, updates.get(1).typingCount());
        assertFalse(updates.get(1).aggregated());
    }

    @Test
    void repeatedActiveTrueIsAnnouncedOnceAndActiveFalseEndsAtOnce() {
        String room = PresenceKafka.room();
        kafka.typing(room, "uma", true);
        kafka.typing(room, "uma", true);
        kafka.typing(room, "uma", true);
        kafka.typing(room, "vic", true);
        await().atMost(PATIENCE).until(() -> !updates(room, "vic").isEmpty());
        assertEquals(1, updates(room, "uma").size());
        TypingUpdate vic = updates(room, "vic").get(0);
        assertEquals(2, vic.typingCount());
        assertEquals(List.of("uma", "vic"), vic.typingUsers());

        kafka.typing(room, "uma", false);
        kafka.typing(room, "uma", false);
        await().atMost(PATIENCE).until(() -> updates(room, "uma").size() == 2);
        assertFalse(updates(room, "uma").get(1).active());
        kafka.typing(room, "vic", false);
        await().atMost(PATIENCE).until(() -> updates(room, "vic").size() == 2);
        assertEquals(2, updates(room, "uma").size(), "a second active:false of a user who stopped says nothing");
    }

    @Test
    void largeRoomGetsSampledDiffsWithCounts() {
        String room = PresenceKafka.room();
        List<String> users = IntStream.rangeClosed(1, 20).mapToObj(i -> "user" + i).toList();
        users.forEach(u -> kafka.join(room, u, "c-" + u, "gw-1"));

        await().atMost(PATIENCE).until(() -> kafka.diffs(room).stream().anyMatch(d -> d.count() == 20));
        List<PresenceDiff> diffs = kafka.diffs(room);
        assertEquals(List.of("user1"), names(diffs.get(0).joins()), "the first join goes out at once");
        assertEquals(1, diffs.get(0).count());
        assertTrue(diffs.stream().allMatch(d -> d.sampled() == d.count() > 5), "sampled exactly while the room is large");
        // While small, the room's joins go out exactly (those within a window together), in order.
        List<PresenceDiff> exact = diffs.stream().filter(d -> !d.sampled()).toList();
        List<String> exactJoins = exact.stream().flatMap(d -> names(d.joins()).stream()).toList();
        assertEquals(users.subList(0, exactJoins.size()), exactJoins, "small room: every join, exactly");
        assertEquals(exactJoins.size(), exact.get(exact.size() - 1).count());
        List<PresenceDiff> sampled = diffs.stream().filter(PresenceDiff::sampled).toList();
        assertFalse(sampled.isEmpty());
        assertTrue(sampled.stream().allMatch(d -> d.joins().size() <= 3), "sample bounded by sample-size");
        assertTrue(sampled.size() < 15, "beyond the threshold, 15 joins are batched into fewer diffs: " + sampled.size());
        assertTrue(sampled.stream().allMatch(d -> d.leaves().isEmpty()));

        given().when().get("/v1/rooms/{id}/presence", room.substring(5))
                .then().statusCode(200)
                .body("count", equalTo(20))
                .body("members", hasSize(20))
                .body("sampled", equalTo(false));
    }

    @Test
    void typingInLargeRoomIsThrottledAndAggregated() {
        String room = PresenceKafka.room();
        IntStream.rangeClosed(1, 6).forEach(i -> kafka.join(room, "m" + i, "c" + i, "gw-1"));
        await().atMost(PATIENCE).until(() -> kafka.diffs(room).stream().anyMatch(d -> d.count() == 6));

        for (int keystroke = 0; keystroke < 5; keystroke++) {
            for (int i = 1; i <= 4; i++) {
                kafka.typing(room, "m" + i, true);
            }
        }
        await().atMost(PATIENCE).until(() -> kafka.typing(room).stream().anyMatch(u -> u.typingCount() == 4));
        List<TypingUpdate> updates = kafka.typing(room);
        assertTrue(updates.size() <= 4, "20 keystrokes of 4 users must not become 20 updates: " + updates.size());
        TypingUpdate four = updates.stream().filter(u -> u.typingCount() == 4).findFirst().orElseThrow();
        assertTrue(four.aggregated());
        assertTrue(four.active());
        assertNull(four.userId());
        assertEquals(3, four.typingUsers().size(), "sample bounded by sample-size");

        // Nobody types any more: the aggregate falls to zero when the indicators expire.
        await().atMost(PATIENCE).until(() -> kafka.typing(room).stream().anyMatch(u -> u.typingCount() == 0));
        TypingUpdate none = kafka.typing(room).get(kafka.typing(room).size() - 1);
        assertFalse(none.active());
        assertTrue(none.aggregated());
        assertTrue(kafka.typing(room).stream().allMatch(TypingUpdate::aggregated));
    }

    private static List<String> names(List<PresenceMember> members) {
        return members.stream().map(PresenceMember::userId).toList();
    }

    private List<TypingUpdate> updates(String room, String user) {
        return kafka.typing(room).stream().filter(u -> user.equals(u.userId())).toList();
    }
}
