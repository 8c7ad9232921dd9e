package dev.switchboard.presence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.presence.topology.PresenceStores;
import dev.switchboard.presence.topology.PresenceTopology;
import dev.switchboard.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Two instances of the application split the channel partitions. The second one starts with an empty state dir, so
 * what it serves was restored from the changelogs; when it stops, the first takes its partitions back and restores
 * what the second changed meanwhile. Reads are right from either instance, whichever holds the room.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(HttpPortResource.class)
class TwoInstancesTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    final PresenceKafka kafka = PresenceKafka.get();

    @Inject
    PresenceTopology topology;
    @Inject
    ObjectMapper mapper;
    @Inject
    KafkaStreams first;

    @Test
    void secondInstanceRestoresItsPartitionsAndReadsAreRightAcrossInstances() {
        String prefix = PresenceKafka.room().substring(5);
        List<String> rooms = IntStream.range(0, 16).mapToObj(i -> prefix + "-" + i).toList();
        for (String room : rooms) {
            kafka.join("room:" + room, "ann", "ann-tab", "gw-1");
            kafka.join("room:" + room, "ann", "ann-phone", "gw-2");
            kafka.join("room:" + room, "bob", "bob-1", "gw-1");
        }
        await().atMost(PATIENCE).until(() -> rooms.stream().allMatch(r -> kafka.diffs("room:" + r).size() == 2));

        try (SecondInstance second = new SecondInstance(topology.build(), mapper, "switchboard-presence")) {
            await().atMost(PATIENCE).until(() -> second.streams.state() == KafkaStreams.State.RUNNING
                    && first.state() == KafkaStreams.State.RUNNING
                    && owners(second.streams, rooms).values().containsAll(Set.of(second.host))
                    && owners(first, rooms).equals(owners(second.streams, rooms))
                    && owners(first, rooms).values().stream().distinct().count() == 2);
            Map<String, HostInfo> owners = owners(first, rooms);

            for (String room : rooms) {
                await().atMost(PATIENCE).untilAsserted(() -> assertAnnAndBob(given().when().get("/v1/rooms/{id}/presence", room).then()));
                await().atMost(PATIENCE).untilAsserted(() -> assertAnnAndBob(given().when().get(second.uri(room)).then()));
            }

            String onSecond = rooms.stream().filter(r -> owners.get(r).equals(second.host)).findFirst().orElseThrow();
            kafka.join("room:" + onSecond, "cat", "cat-1", "gw-1");
            await().atMost(PATIENCE).until(() -> kafka.diffs("room:" + onSecond).size() == 3);
            given().when().get("/v1/rooms/{id}/presence", onSecond).then().statusCode(200).body("count", equalTo(3));

            second.close();
            // The first instance holds every partition again and restored the change the second made.
            await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/v1/rooms/{id}/presence", onSecond)
                    .then().statusCode(200)
                    .body("count", equalTo(3))
                    .body("members.userId", containsInAnyOrder("ann", "bob", "cat")));
            assertTrue(owners(first, rooms).values().stream().allMatch(h -> !h.equals(second.host)));
        }
    }

    private static void assertAnnAndBob(ValidatableResponse response) {
        response.statusCode(200)
                .body("count", equalTo(2))
                .body("sampled", equalTo(false))
                .body("members.userId", containsInAnyOrder("ann", "bob"))
                .body("members.find { it.userId == 'ann' }.connections", equalTo(2))
                .body("members.find { it.userId == 'ann' }.meta.name", equalTo("ANN"));
    }

    private static Map<String, HostInfo> owners(KafkaStreams streams, List<String> rooms) {
        return rooms.stream().collect(Collectors.toMap(Function.identity(),
                r -> streams.queryMetadataForKey(PresenceStores.COUNTS, "room:" + r, new StringSerializer()).activeHost()));
    }
}
