package dev.switchboard.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceClockTick;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.presence.topology.PresenceTopology;

/**
 * The protocol's deadlines, proven with the real topology on a controlled wall clock and the DEFAULT configuration:
 * a dead gateway's users are gone within 15 s of its last heartbeat, a typing indicator ends 6 s after the last
 * active:true; and a live gateway is never declared dead because its partition's feed stalled or fell behind. The
 * tests play presence-service's ticker too: a clock tick each second to presence.heartbeats, read at once while the
 * feed keeps up. (Kafka itself is exercised by the @QuarkusTest classes; this pins the time arithmetic.)
 */
class WallClockDeadlinesTest {

    static final String ROOM = "room:deadlines";
    /** A small room's diff window: changes after the first one within it go out when it ends. */
    static final long WINDOW = DefaultConfig.presence().smallRoomDiffWindow().toMillis();
    final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    TopologyTestDriver driver;
    Instant recordTime = start;
    /** Whether presence-service's ticker runs, and how long since its last tick. */
    boolean ticking = true;
    long sinceTick;
    TestInputTopic<String, ConnectionEvent> connections;
    TestInputTopic<String, GatewayHeartbeat> heartbeats;
    TestInputTopic<String, PresenceClockTick> ticks;
    TestInputTopic<String, TypingEvent> typing;
    TestOutputTopic<String, PresenceDiff> diffs;
    TestOutputTopic<String, TypingUpdate> typingUpdates;
    TestOutputTopic<String, GatewayExpiry> expiries;
    PresenceTopology topology;

    @BeforeEach
    void start() {
        topology = new PresenceTopology(DefaultConfig.presence(), new ObjectMapper());
        driver = TopologyDrivers.open(topology, "presence-deadlines", start);
        connections = TopologyDrivers.input(driver, topology, Topics.PRESENCE_CONNECTIONS, ConnectionEvent.class);
        heartbeats = TopologyDrivers.input(driver, topology, Topics.PRESENCE_HEARTBEATS, GatewayHeartbeat.class);
        ticks = TopologyDrivers.input(driver, topology, Topics.PRESENCE_HEARTBEATS, PresenceClockTick.class);
        typing = TopologyDrivers.input(driver, topology, Topics.PRESENCE_TYPING, TypingEvent.class);
        diffs = TopologyDrivers.output(driver, topology, Topics.PRESENCE_DIFFS, PresenceDiff.class);
        typingUpdates = TopologyDrivers.output(driver, topology, Topics.PRESENCE_TYPING_UPDATES, TypingUpdate.class);
        expiries = TopologyDrivers.output(driver, topology, Topics.PRESENCE_GATEWAY_EXPIRIES, GatewayExpiry.class);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void deadGatewaysUsersLeaveWithinFifteenSecondsOfItsLastHeartbeat() {
        heartbeat("gw-a", false);
        heartbeat("gw-b", false);
        join("ann", "ann-1", "gw-a");
        join("ben", "ben-1", "gw-a");
        join("ben", "ben-2", "gw-b");
        advance(WINDOW); // ann's join went out at once, ben's when the window it opened ended
        assertEquals(List.of("ann", "ben"), diffs.readValuesToList().stream().flatMap(d -> d.joins().stream()).map(PresenceMember::userId).toList());

        // Both gateways heart-beat every 3 s for 21 s; then gw-a dies and only gw-b (and the ticker) goes on.
        long elapsed = 0;
        long lastHeartbeatOfA = 0;
        Long leftAt = null;
        List<PresenceDiff> seen = new java.util.ArrayList<>();
        while (elapsed < 60_000 && leftAt == null) {
            if (elapsed % 3_000 == 0) {
                heartbeat("gw-b", false);
                if (elapsed <= 21_000) {
                    heartbeat("gw-a", false);
                    lastHeartbeatOfA = elapsed;
                }
            }
            advance(500);
            elapsed += 500;
            List<PresenceDiff> out = diffs.readValuesToList();
            seen.addAll(out);
            if (out.stream().anyMatch(d -> !d.leaves().isEmpty())) {
                leftAt = elapsed;
            }
        }
        assertTrue(leftAt != null, "ann never left");
        assertTrue(leftAt - lastHeartbeatOfA >= 10_000, "left before the 10 s lease ran out: " + (leftAt - lastHeartbeatOfA));
        assertTrue(leftAt - lastHeartbeatOfA <= 15_000, "left later than 15 s after the last heartbeat: " + (leftAt - lastHeartbeatOfA));
        PresenceDiff leave = seen.get(seen.size() - 1);
        assertEquals(List.of("ann"), users(leave.leaves()), "ben is still there through gw-b");
        assertEquals(1, leave.count());
    }

    /** The case the wall clock used to cover: the only gateway dies, so only the ticks still arrive. */
    @Test
    void theOnlyGatewaysUsersLeaveWithinFifteenSecondsWhileOnlyTheTicksFlow() {
        present("ada", "ada-1", "gw-only");
        heartBeating(4, 3_000, "gw-only");
        Instant lastHeartbeat = recordTime;
        while (diffs.isEmpty() && Duration.between(lastHeartbeat, recordTime).toSeconds() < 30) {
            advance(500);
        }
        long after = Duration.between(lastHeartbeat, recordTime).toMillis();
        assertEquals(List.of("ada"), users(diffs.readValue().leaves()));
        assertTrue(after >= 10_000 && after <= 15_000, "left " + after + " ms after the last heartbeat");
    }

    /** No presence-service ticker at all (say its producer cannot write): the live gateways' heartbeats tell the time. */
    @Test
    void withoutTicksTheOtherGatewaysHeartbeatsStillExpireADeadOneWithinFifteenSeconds() {
        ticking = false;
        heartbeat("gw-b", false);
        present("bea", "bea-1", "gw-a");
        heartBeating(4, 3_000, "gw-a", "gw-b");
        Instant lastHeartbeat = recordTime;
        for (int i = 1; i <= 30 && diffs.isEmpty(); i++) {
            advance(500);
            if (i % 6 == 0) {
                heartbeat("gw-b", false);
            }
        }
        long after = Duration.between(lastHeartbeat, recordTime).toMillis();
        assertEquals(List.of("bea"), users(diffs.readValue().leaves()), "gw-a's user left");
        assertTrue(after >= 10_000 && after <= 15_000, "left " + after + " ms after the last heartbeat");
    }

    @Test
    void liveGatewayIsNotDeclaredDeadWhileThePartitionWorksThroughABacklog() {
        heartbeat("gw-live", false);
        heartbeat("gw-dead", false);
        join("fay", "fay-1", "gw-live");
        join("gus", "gus-1", "gw-dead");
        diffs.readValuesToList();

        // The partition processes a backlog: each wall-clock second it gets through 250 ms of records. gw-live sends a
        // heartbeat every 3 s of record time, i.e. only every 12 s of wall clock, longer than its 10 s lease; the ticker
        // ticked every second of record time. gw-dead sent nothing after the start.
        List<PresenceDiff> seen = new java.util.ArrayList<>();
        for (int second = 1; second <= 60; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            recordTime = recordTime.plusMillis(250);
            join("load" + second, "load-" + second, "gw-live");
            if (second % 4 == 0) {
                tick();
            }
            if (second % 12 == 0) {
                heartbeat("gw-live", false);
            }
            seen.addAll(diffs.readValuesToList());
        }
        List<String> left = seen.stream().flatMap(d -> d.leaves().stream()).map(PresenceMember::userId).toList();
        assertEquals(List.of("gus"), left, "only the gateway that stopped heart-beating (in record time) is dead");
    }

    /**
     * The defect once seen in a rebalance under load: heartbeats went through an internal repartition topic, written by
     * the heartbeat tasks (one per presence.heartbeats partition, so per gateway). When the task of one gateway's
     * partition stalled or moved to another instance, the channel tasks went on reading the other gateways' fresh
     * heartbeats (so no stall, no backlog guard) and expired the live gateway 10 s later. Now each channel task reads
     * presence.heartbeats itself: nothing stands between a gateway's heartbeat and the task that judges its lease.
     */
    @Test
    void everyChannelTaskReadsTheHeartbeatsItselfWithNoInternalHop() {
        TopologyDescription description = topology.build().describe();
        TopologyDescription.Subtopology presence = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("presence")))
                .findFirst().orElseThrow();
        java.util.Set<String> sources = presence.nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(sources.containsAll(List.of(Topics.PRESENCE_CONNECTIONS, Topics.PRESENCE_HEARTBEATS)), "sources " + sources);
        assertTrue(description.subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(TopologyDescription.Sink.class::isInstance)
                .map(n -> ((TopologyDescription.Sink) n).topic())
                .allMatch(t -> t.startsWith("presence.")), "a sink to an internal (repartition) topic: " + description);
    }

    /**
     * The residual false expiry: a channel task that reads nothing at all for a while (a long rebalance, a stalled
     * fetch) while its wall-clock punctuator keeps running must not judge the gateways by the wall clock: their
     * heartbeats are waiting in Kafka, not missing.
     */
    @Test
    void aPartitionThatReadsNothingForElevenSecondsDoesNotExpireALiveGateway() {
        present("lea", "lea-1", "gw-live");
        heartBeating(4, 3_000, "gw-live");
        // The feed stalls for 11 s, a whole lease past the last heartbeat read: the punctuator runs every second but reads
        // nothing, while gw-live goes on heart-beating into Kafka and the ticker goes on ticking there.
        Instant stalledAt = recordTime;
        for (int second = 1; second <= 11; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        assertTrue(diffs.isEmpty(), "a live gateway was declared dead while its partition read nothing");
        // The feed resumes: what waited is read in order, and the partition goes on as usual.
        readWhatWaited(stalledAt, 11, "gw-live");
        heartBeating(5, 3_000, "gw-live");
        assertTrue(diffs.isEmpty(), "a live gateway was declared dead after its partition's feed resumed");
        assertTrue(expiries.isEmpty());
    }

    @Test
    void aLapsedLeaseIsPublishedAndTheGatewaysRejoinBringsItsUsersBack() {
        heartbeat("gw-e", false);
        join("ivy", "ivy-1", "gw-e");
        diffs.readValuesToList();
        for (int i = 0; i < 12 && diffs.isEmpty(); i++) {
            advance(1_000);
        }
        assertEquals(List.of("ivy"), users(diffs.readValue().leaves()));
        GatewayExpiry expiry = expiries.readValue();
        assertEquals("gw-e", expiry.gatewayId());
        assertEquals(1, expiry.connections());
        assertTrue(expiries.isEmpty());

        // The gateway was alive after all: it heart-beats and announces its connection again; ivy is back.
        heartbeat("gw-e", false);
        join("ivy", "ivy-1", "gw-e");
        advance(WINDOW); // within the window the leave's diff opened: the join goes out when it ends
        assertEquals(List.of("ivy"), users(diffs.readValue().joins()));
        // A repeated JOIN of a connection presence already holds (a second expiry, a replay) says nothing.
        join("ivy", "ivy-1", "gw-e");
        assertTrue(diffs.isEmpty(), "a duplicate JOIN produced a diff");
    }

    @Test
    void aStoppingGatewayIsNotAnExpiry() {
        heartbeat("gw-s", false);
        join("jon", "jon-1", "gw-s");
        advance(WINDOW);
        heartbeat("gw-s", true);
        assertEquals(List.of("jon"), users(diffs.readValuesToList().get(1).leaves()));
        assertTrue(expiries.isEmpty(), "a clean stop was published as an expiry");
    }

    @Test
    void connectionsOfAGatewayThatNeverHeartBeatsGoAfterTheDefaultLease() {
        join("cid", "cid-1", "gw-silent");
        diffs.readValuesToList();
        for (int i = 0; i < 9; i++) {
            advance(1_000);
        }
        assertTrue(diffs.isEmpty());
        for (int i = 0; i < 10 && diffs.isEmpty(); i++) {
            advance(500);
        }
        assertEquals(List.of("cid"), users(diffs.readValue().leaves()));
    }

    @Test
    void aStalledThreadReadsWaitingHeartbeatsBeforeJudgingLeases() {
        present("hal", "hal-1", "gw-d");
        heartBeating(11, 1_000, "gw-d");
        // The stream thread stalls for 30 s (say a rebalance); the gateway's heartbeats and the ticks wait in Kafka.
        Instant stalledAt = recordTime;
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        readWhatWaited(stalledAt, 30, "gw-d");
        for (int i = 0; i < 4; i++) {
            advance(1_000);
        }
        assertTrue(diffs.isEmpty(), "a live gateway was declared dead after a stall");
    }

    @Test
    void recordsAheadOfTheTaskClockStillGiveAWholeLease() {
        present("kim", "kim-1", "gw-f");
        heartBeating(12, 1_000, "gw-f");
        // A long processing round on a loaded machine: the task's cached clock is 4 s behind the records it reads (the
        // gateway's last heartbeat, the ticks after it). The lease runs a whole 10 s of their time from that heartbeat.
        recordTime = recordTime.plusSeconds(4);
        Instant lastHeartbeat = recordTime;
        heartbeat("gw-f", false);
        for (int i = 0; i < 9; i++) {
            advance(1_000);
        }
        assertTrue(diffs.isEmpty(), "the lease was cut short by the stale task clock");
        for (int i = 0; i < 6 && diffs.isEmpty(); i++) {
            advance(1_000);
        }
        assertEquals(List.of("kim"), users(diffs.readValue().leaves()));
        assertTrue(Duration.between(lastHeartbeat, recordTime).toMillis() <= 15_000);
    }

    /** One writer whose clock is far ahead (a gateway on a node without NTP) moves a partition's clock only so far. */
    @Test
    void oneWriterWithAClockAnHourAheadDoesNotLapseEveryLease() {
        present("max", "max-1", "gw-ok");
        heartBeating(1, 3_000, "gw-ok");
        heartbeats.pipeInput("gw-skewed", new GatewayHeartbeat("gw-skewed", 10_000, 0, false, 0), recordTime.plus(Duration.ofHours(1)));
        heartBeating(10, 3_000, "gw-ok");
        assertTrue(diffs.isEmpty(), "a live gateway was declared dead by a clock an hour ahead");
        assertTrue(expiries.isEmpty());
    }

    @Test
    void stoppingHeartbeatRemovesTheGatewaysConnectionsWithoutWaiting() {
        heartbeat("gw-c", false);
        join("dee", "dee-1", "gw-c");
        diffs.readValuesToList();
        advance(WINDOW); // the window the join's diff opened has ended: the next change goes out at once
        heartbeat("gw-c", true);
        assertEquals(List.of("dee"), users(diffs.readValue().leaves()));
    }

    @Test
    void typingIndicatorEndsSixSecondsAfterTheLastActiveTrue() {
        typing("eve", true);
        assertTrue(typingUpdates.readValue().active());
        advance(2_000);
        typing("eve", true); // a refresh within the 3 s dedupe window: not announced, but it moves the deadline
        assertTrue(typingUpdates.isEmpty());
        advance(5_750);
        assertTrue(typingUpdates.isEmpty(), "ended before 6 s after the last active:true");
        advance(500);
        TypingUpdate end = typingUpdates.readValue();
        assertEquals("eve", end.userId());
        assertEquals(false, end.active());
    }

    private static List<String> users(List<PresenceMember> members) {
        return members.stream().map(PresenceMember::userId).toList();
    }

    /**
     * Moves the wall clock; records piped from now on are stamped with it (a partition that keeps up). The ticker, while
     * it runs, writes a tick every second, read at once.
     */
    private void advance(long millis) {
        for (long left = millis; left > 0;) {
            long step = Math.min(left, 1_000 - sinceTick);
            driver.advanceWallClockTime(Duration.ofMillis(step));
            recordTime = recordTime.plusMillis(step);
            left -= step;
            sinceTick = (sinceTick + step) % 1_000;
            if (sinceTick == 0 && ticking) {
                tick();
            }
        }
    }

    /** After a stall that began at {@code stalledAt}: the ticks and the gateway's heart-beats (every 3 s) that waited. */
    private void readWhatWaited(Instant stalledAt, int seconds, String gateway) {
        for (int second = 1; second <= seconds; second++) {
            recordTime = stalledAt.plusSeconds(second);
            tick();
            if (second % 3 == 0) {
                heartbeat(gateway, false);
            }
        }
    }

    private void tick() {
        ticks.pipeInput("presence-service@test", new PresenceClockTick("presence-service@test", recordTime.toEpochMilli()), recordTime);
    }

    /** A user connected through a gateway that heart-beats; the diff of the join already read. */
    private void present(String user, String connection, String gateway) {
        heartbeat(gateway, false);
        join(user, connection, gateway);
        diffs.readValuesToList();
    }

    /** {@code times} times: the clock moves on by {@code millis}, then each gateway heart-beats. */
    private void heartBeating(int times, long millis, String... gateways) {
        for (int i = 0; i < times; i++) {
            advance(millis);
            for (String gateway : gateways) {
                heartbeat(gateway, false);
            }
        }
    }

    private void join(String user, String connection, String gateway) {
        connections.pipeInput(ROOM, new ConnectionEvent(ConnectionEvent.Kind.JOIN, ROOM, user, connection, gateway, null, 0), recordTime);
    }

    private void heartbeat(String gateway, boolean stopping) {
        heartbeats.pipeInput(gateway, new GatewayHeartbeat(gateway, 10_000, 1, stopping, 0), recordTime);
    }

    private void typing(String user, boolean active) {
        typing.pipeInput(ROOM, new TypingEvent(ROOM, user, user + "-1", "gw-a", active, 0), recordTime);
    }

}
