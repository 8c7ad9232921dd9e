package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.gateway.presence.PresenceAnnouncer;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Self-healing presence, on the real broker: when presence-service publishes that it expired THIS replica's lease
 * while the replica is alive, the replica renews its lease and JOINs its live connections again (once for a burst of
 * expiries from several partitions), without its clients reconnecting.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class PresenceRejoinTest extends GatewayTestBase {

    @Inject
    PresenceAnnouncer announcer;

    @Test
    void anExpiryOfThisLiveReplicaAnnouncesItsConnectionsAgainOnce() {
        String room = "room:" + unique("room");
        String gone = "room:" + unique("room");
        WsTestClient alice = connected("alice");
        WsTestClient carl = connected("carl");
        ConnectionEvent join;
        try (TestKafka.Probe connections = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS)) {
            subscribe(alice, room);
            subscribe(carl, gone);
            join = connections.await(ConnectionEvent.class, e -> room.equals(e.channel()) && e.kind() == ConnectionEvent.Kind.JOIN);
            carl.close();
            connections.await(ConnectionEvent.class, e -> gone.equals(e.channel()) && e.kind() == ConnectionEvent.Kind.LEAVE);
        }

        try (TestKafka.Probe connections = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS);
                TestKafka.Probe heartbeats = new TestKafka.Probe(Topics.PRESENCE_HEARTBEATS)) {
            long sentAt = System.currentTimeMillis();
            // Three channel partitions held connections of this replica: three expiries, close together.
            for (int partition = 0; partition < 3; partition++) {
                TestKafka.send(Topics.PRESENCE_GATEWAY_EXPIRIES, announcer.gatewayId(),
                        new GatewayExpiry(announcer.gatewayId(), partition, 1, System.currentTimeMillis()));
            }
            ConnectionEvent again = connections.await(ConnectionEvent.class, e -> room.equals(e.channel()));
            assertEquals(ConnectionEvent.Kind.JOIN, again.kind());
            assertEquals(join.connectionId(), again.connectionId());
            assertEquals("alice", again.userId());
            assertEquals(announcer.gatewayId(), again.gatewayId());
            heartbeats.await(GatewayHeartbeat.class, b -> announcer.gatewayId().equals(b.gatewayId()) && b.ts() >= sentAt);

            List<ConnectionEvent> rejoins = connections.drain(Duration.ofSeconds(2)).stream()
                    .map(r -> parse(r.value())).filter(e -> room.equals(e.channel()) || gone.equals(e.channel())).toList();
            assertEquals(1, rejoins.size(), "one re-announcement for the burst, nothing for the connection that left: " + rejoins);
        }
    }

    @Test
    void anExpiryOfAnotherReplicaChangesNothing() {
        String room = "room:" + unique("room");
        WsTestClient bob = connected("bob");
        subscribe(bob, room);
        try (TestKafka.Probe connections = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS)) {
            TestKafka.send(Topics.PRESENCE_GATEWAY_EXPIRIES, "gw-other", new GatewayExpiry("gw-other", 0, 4, System.currentTimeMillis()));
            assertFalse(connections.drain(Duration.ofSeconds(2)).stream().anyMatch(r -> r.value().contains(room)));
        }
    }

    @Test
    void everyHeartbeatReachesEveryPartition() {
        try (TestKafka.Probe heartbeats = new TestKafka.Probe(Topics.PRESENCE_HEARTBEATS)) {
            heartbeats.awaitRecord(r -> r.partition() == 0 && r.key().equals(announcer.gatewayId()));
            long partitions = heartbeats.drain(Duration.ofSeconds(4)).stream()
                    .filter(r -> r.key().equals(announcer.gatewayId())).map(r -> r.partition()).distinct().count();
            assertEquals(Topics.CHANNEL_PARTITIONS, partitions);
        }
    }

    private static ConnectionEvent parse(String json) {
        try {
            return TestKafka.JSON.readValue(json, ConnectionEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
