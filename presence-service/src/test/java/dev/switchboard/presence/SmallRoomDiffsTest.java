package dev.switchboard.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.members.PendingDiff;
import dev.switchboard.presence.topology.PresenceStores;
import dev.switchboard.presence.topology.PresenceTopology;

/**
 * How a room's changes become diffs, on the real topology with a controlled wall clock: a small room's first change
 * goes out at once, the changes within the window it opens go out together, exactly, when it ends; large rooms get
 * sampled diffs at most once per interval. Default configuration (threshold 200, window 250 ms) unless a test says.
 * No gateway heart-beats and no clock ticks: the partition tells no time, so no lease lapses.
 */
class SmallRoomDiffsTest {

    static final String ROOM = "room:windows";
    static final String PREFIX = "switchboard.presence.";
    final ObjectMapper mapper = new ObjectMapper();
    final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Instant now = start;
    TopologyTestDriver driver;
    TestInputTopic<String, ConnectionEvent> connections;
    TestInputTopic<String, GatewayHeartbeat> heartbeats;
    TestOutputTopic<String, PresenceDiff> diffs;

    void start(Map<String, String> overrides) {
        PresenceTopology topology = new PresenceTopology(DefaultConfig.presence(overrides), mapper);
        driver = TopologyDrivers.open(topology, "presence-windows", start);
        connections = TopologyDrivers.input(driver, topology, Topics.PRESENCE_CONNECTIONS, ConnectionEvent.class);
        heartbeats = TopologyDrivers.input(driver, topology, Topics.PRESENCE_HEARTBEATS, GatewayHeartbeat.class);
        diffs = TopologyDrivers.output(driver, topology, Topics.PRESENCE_DIFFS, PresenceDiff.class);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** The benchmark's reconnect storm in one room: all drop at once, all come back a moment later. */
    @Test
    void aReconnectStormIsTwoExactDiffsTheFirstAtOnce() {
        start(Map.of());
        List<String> users = users(100);
        Map<String, JsonNode> present = settled(users);

        users.forEach(u -> leave(u));
        List<PresenceDiff> first = diffs.readValuesToList();
        assertEquals(1, first.size(), "the first drop goes out at once, the others wait for the window");
        assertEquals(List.of("u000"), names(first.get(0).leaves()));
        assertEquals(99, first.get(0).count());
        advance(100);
        users.forEach(u -> join(u, meta(2)));
        advance(100);
        assertTrue(diffs.isEmpty(), "nothing more before the window ends");
        advance(50);

        List<PresenceDiff> rest = diffs.readValuesToList();
        assertEquals(1, rest.size(), "199 further changes, one diff: " + rest);
        PresenceDiff back = rest.get(0);
        assertEquals(users, names(back.joins()), "everyone is back: a join each (their meta may have changed)");
        assertEquals(List.of(), back.leaves(), "who came back within the window is not shown leaving");
        assertEquals(100, back.count());
        assertTrue(back.joins().stream().allMatch(m -> m.meta().equals(meta(2))), "the latest meta");
        assertEquals(start.plusMillis(500 + 250).toEpochMilli(), back.ts(), "sent when the window ended");
        List<PresenceDiff> all = new ArrayList<>(first);
        all.addAll(rest);
        assertTrue(all.stream().noneMatch(PresenceDiff::sampled));
        assertEquals(everyone(users, meta(2)), replay(present, all));
    }

    @Test
    void dropsAndReturnsInSuccessiveWindowsAreOneDiffPerWindow() {
        start(Map.of());
        List<String> users = users(50);
        Map<String, JsonNode> present = settled(users);

        users.forEach(u -> leave(u));
        advance(250);
        users.forEach(u -> join(u, meta(2)));
        advance(250);
        advance(250);
        List<PresenceDiff> all = diffs.readValuesToList();
        assertEquals(3, all.size(), "100 changes: " + all);
        assertEquals(List.of("u000"), names(all.get(0).leaves()));
        assertEquals(users.subList(1, 50), names(all.get(1).leaves()));
        assertEquals(0, all.get(1).count());
        assertEquals(users, names(all.get(2).joins()));
        assertEquals(50, all.get(2).count());
        assertTrue(all.stream().noneMatch(PresenceDiff::sampled));
        assertEquals(everyone(users, meta(2)), replay(present, all));
    }

    @Test
    void aSteadyStreamOfChangesIsAtMostOneDiffPerWindow() {
        start(Map.of());
        Map<String, JsonNode> present = new LinkedHashMap<>();
        List<PresenceDiff> all = new ArrayList<>();
        // Every 50 ms for 3 s someone joins; every third one leaves again 100 ms later.
        for (int i = 0; i < 60; i++) {
            join("s" + i, meta(1));
            if (i % 3 == 2) {
                leave("s" + (i - 2));
            }
            advance(50);
            all.addAll(diffs.readValuesToList());
        }
        advance(500);
        all.addAll(diffs.readValuesToList());
        assertTrue(all.size() <= 3_000 / 250 + 2, "80 changes in 3 s: " + all.size() + " diffs");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).ts() - all.get(i - 1).ts() >= 250, "two diffs within a window: " + all);
        }
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        IntStream.range(0, 60).filter(i -> i % 3 != 0).forEach(i -> expected.put("s" + i, meta(1)));
        assertEquals(expected.keySet(), replay(present, all).keySet());
        assertEquals(expected.size(), all.get(all.size() - 1).count());
        assertTrue(all.stream().noneMatch(PresenceDiff::sampled));
    }

    @Test
    void aUserWhoJoinsAndLeavesWithinTheWindowIsNeverShown() {
        start(Map.of());
        join("ann", meta(1));
        assertEquals(List.of("ann"), names(diffs.readValue().joins()));
        join("bob", meta(1));
        advance(100);
        leave("bob");
        advance(150);
        assertTrue(diffs.isEmpty(), "bob came and went within the window: " + diffs.readValuesToList());
        // The window ended without a diff: the next change goes out at once again.
        join("cid", meta(1));
        PresenceDiff cid = diffs.readValue();
        assertEquals(List.of("cid"), names(cid.joins()));
        assertEquals(2, cid.count());
    }

    @Test
    void aUserWhoLeavesAndComesBackWithinTheWindowIsAJoinAndOneWhoLeavesAgainALeave() {
        start(Map.of());
        Map<String, JsonNode> present = settled(List.of("ann", "bob", "cid"));
        leave("ann"); // at once
        leave("bob");
        join("bob", meta(2));
        leave("cid");
        join("cid", meta(2));
        leave("cid");
        advance(250);
        List<PresenceDiff> all = diffs.readValuesToList();
        assertEquals(2, all.size());
        assertEquals(List.of("ann"), names(all.get(0).leaves()));
        assertEquals(List.of(new PresenceMember("bob", meta(2))), all.get(1).joins(), "bob is back, perhaps with new meta");
        assertEquals(List.of("cid"), names(all.get(1).leaves()), "cid came back and left again: gone");
        assertEquals(1, all.get(1).count());
        assertEquals(Map.of("bob", meta(2)), replay(present, all));
    }

    /** Windows open whenever a change comes, not in step with the punctuator: one that ends between two looks still goes out soon after. */
    @Test
    void aWindowEndingBetweenTwoPunctuationsGoesOutWithinAFifthOfAWindow() {
        start(Map.of());
        advance(110);
        join("ann", meta(1)); // at once; the window ends at 360
        assertEquals(List.of("ann"), names(diffs.readValue().joins()));
        join("bob", meta(1));
        PresenceDiff bob = null;
        for (int step = 0; step < 60 && bob == null; step++) {
            advance(10);
            bob = diffs.isEmpty() ? null : diffs.readValue();
        }
        assertTrue(bob != null, "bob's join went out");
        assertEquals(List.of("bob"), names(bob.joins()));
        long late = bob.ts() - start.plusMillis(110 + 250).toEpochMilli();
        assertTrue(late >= -15 && late <= 50, "sent " + late + " ms after the window ended");
    }

    @Test
    void aWindowOfZeroSendsEveryChangeAtOnceOnItsOwn() {
        start(Map.of(PREFIX + "small-room-diff-window", "0"));
        List<String> users = users(10);
        users.forEach(u -> join(u, meta(1)));
        users.forEach(u -> leave(u));
        List<PresenceDiff> all = diffs.readValuesToList();
        assertEquals(20, all.size(), "one diff per change, at once");
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), all.subList(0, 10).stream().map(PresenceDiff::count).toList());
        assertTrue(all.stream().allMatch(d -> d.joins().size() + d.leaves().size() == 1 && !d.sampled()));
        advance(2_000);
        assertTrue(diffs.isEmpty());
    }

    @Test
    void aStoppingGatewayWithinAWindowIsOneDiffWithAllItsUsersLeaves() {
        start(Map.of());
        List<String> users = users(5);
        settled(users);
        join("yan", meta(1)); // at once, and opens a window
        join("zed", meta(1));
        heartbeats.pipeInput("gw-1", new GatewayHeartbeat("gw-1", 10_000, 0, true, 0), now);
        assertEquals(List.of("yan"), names(diffs.readValue().joins()));
        assertTrue(diffs.isEmpty());
        advance(250);
        PresenceDiff gone = diffs.readValue();
        List<String> leaves = new ArrayList<>(users);
        leaves.add("yan");
        assertEquals(leaves, names(gone.leaves()), "everyone of gw-1 but zed, who joined and left within the window");
        assertEquals(List.of(), gone.joins());
        assertEquals(0, gone.count());
        assertFalse(gone.sampled());
    }

    /** Threshold 5, sample 3: the room grows past the threshold while its window collects. */
    @Test
    void aRoomThatGrowsLargeWhileCollectingLosesNoChangeAndIsSampledFromThen() {
        start(Map.of(PREFIX + "large-room-threshold", "5", PREFIX + "sample-size", "3"));
        join("u1", meta(1));
        assertEquals(1, diffs.readValue().count());
        List.of("u2", "u3", "u4", "u5").forEach(u -> join(u, meta(1)));
        advance(250);
        PresenceDiff small = diffs.readValue();
        assertEquals(List.of("u2", "u3", "u4", "u5"), names(small.joins()), "still small: all of them, exactly");
        assertFalse(small.sampled());

        // u6 makes it large within the next window: the window still ends as it would have, nothing is sent before.
        join("u6", meta(1));
        advance(100);
        join("u7", meta(1));
        assertTrue(diffs.isEmpty(), "a large room gets no diff at once");
        advance(150);
        PresenceDiff grown = diffs.readValue();
        assertEquals(List.of("u6", "u7"), names(grown.joins()), "the changes collected across the threshold");
        assertEquals(7, grown.count());
        assertTrue(grown.sampled(), "the room is large");

        // Large now: what follows waits for its interval (1 s), as a sample of at most 3.
        List.of("u8", "u9", "u10", "u11").forEach(u -> join(u, meta(1)));
        advance(750);
        assertTrue(diffs.isEmpty(), "within a second of the last sampled diff");
        advance(250);
        PresenceDiff large = diffs.readValue();
        assertEquals(List.of("u8", "u9", "u10"), names(large.joins()));
        assertEquals(11, large.count());
        assertTrue(large.sampled());

        // Shrinking back to small while collecting: exact again when nothing was cut.
        List.of("u11", "u10", "u9", "u8", "u7", "u6").forEach(this::leave);
        advance(1_000);
        PresenceDiff shrunk = diffs.readValue();
        assertEquals(5, shrunk.count());
        assertTrue(shrunk.sampled(), "six leaves, but a large room's window keeps only 3 while large");
        assertEquals(3, shrunk.leaves().size());
        advance(1_000);
        assertTrue(diffs.isEmpty());
        leave("u5");
        PresenceDiff exact = diffs.readValue();
        assertEquals(List.of("u5"), names(exact.leaves()));
        assertFalse(exact.sampled(), "small again, and its window had ended: at once and exact");
    }

    /** Threshold 5, sample 3: a large room that shrinks within its interval, everything kept, goes back to exact. */
    @Test
    void aDiffIsSampledExactlyWhenItsRoomIsLargeOrItsChangesDidNotFit() {
        start(Map.of(PREFIX + "large-room-threshold", "5", PREFIX + "sample-size", "3"));
        List<PresenceDiff> grown = joinedAndRead(users(6));
        assertEquals(List.of(false, true), grown.stream().map(PresenceDiff::sampled).toList(), "exact while small, then sampled");
        assertEquals(6, grown.get(1).count());
        leave("u005");
        leave("u004");
        advance(1_000);
        PresenceDiff shrunk = diffs.readValue();
        assertEquals(List.of("u005", "u004"), names(shrunk.leaves()));
        assertEquals(4, shrunk.count());
        assertFalse(shrunk.sampled(), "small, every change listed");
    }

    @Test
    void aWindowOfAnOlderVersionOrFromAClockFarAheadIsFlushedAtOnce() {
        start(Map.of());
        // As restored from the changelog, before the first flush.
        KeyValueStore<String, PendingDiff> pending = driver.getKeyValueStore(PresenceStores.PENDING_DIFFS);
        pending.put(ROOM, new PendingDiff(List.of(), List.of(new PresenceMember("ann", null)), false, 0));
        pending.put("room:other", new PendingDiff(List.of(), List.of(new PresenceMember("cid", null)), true,
                now.plus(Duration.ofHours(1)).toEpochMilli()));
        advance(250);
        List<PresenceDiff> all = diffs.readValuesToList();
        assertEquals(2, all.size());
        PresenceDiff old = all.stream().filter(d -> d.channel().equals(ROOM)).findFirst().orElseThrow();
        assertTrue(old.sampled(), "a record of the former format was a large room's sample");
        PresenceDiff ahead = all.stream().filter(d -> d.channel().equals("room:other")).findFirst().orElseThrow();
        assertFalse(ahead.sampled());
    }

    /** A small room of {@code users}, every window ended: the room as its members see it. */
    private Map<String, JsonNode> settled(List<String> users) {
        Map<String, JsonNode> present = replay(new LinkedHashMap<>(), joinedAndRead(users));
        assertEquals(everyone(users, meta(1)), present);
        return present;
    }

    /** The users joined at once, then every window ended: the diffs that made. */
    private List<PresenceDiff> joinedAndRead(List<String> users) {
        users.forEach(u -> join(u, meta(1)));
        advance(250); // the first window ends: the rest of the joins go out, and open the next window
        advance(250); // which ends quietly
        return diffs.readValuesToList();
    }

    /** What a member of the room sees after applying the diffs in order. */
    private static Map<String, JsonNode> replay(Map<String, JsonNode> before, List<PresenceDiff> all) {
        Map<String, JsonNode> present = new LinkedHashMap<>(before);
        for (PresenceDiff diff : all) {
            diff.leaves().forEach(m -> assertTrue(present.remove(m.userId()) != null, m.userId() + " left but was not there: " + all));
            diff.joins().forEach(m -> present.put(m.userId(), m.meta()));
            assertEquals(diff.count(), present.size(), "count of " + diff);
        }
        return present;
    }

    private static Map<String, JsonNode> everyone(List<String> users, JsonNode meta) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        users.forEach(u -> all.put(u, meta));
        return all;
    }

    private static List<String> users(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("u%03d", i)).toList();
    }

    private static List<String> names(List<PresenceMember> members) {
        return members.stream().map(PresenceMember::userId).toList();
    }

    private JsonNode meta(int version) {
        return mapper.createObjectNode().put("v", version);
    }

    private void advance(long millis) {
        driver.advanceWallClockTime(Duration.ofMillis(millis));
        now = now.plusMillis(millis);
    }

    private void join(String user, JsonNode meta) {
        connections.pipeInput(ROOM, new ConnectionEvent(ConnectionEvent.Kind.JOIN, ROOM, user, user + "-1", "gw-1", meta, 0), now);
    }

    private void leave(String user) {
        connections.pipeInput(ROOM, new ConnectionEvent(ConnectionEvent.Kind.LEAVE, ROOM, user, user + "-1", "gw-1", null, 0), now);
    }
}
