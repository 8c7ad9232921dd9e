package dev.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.GatewayTestResource;
import dev.switchboard.gateway.support.RawWebSocket;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import dev.switchboard.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A client that stops reading never delays the others, and is disconnected instead of silently losing chat. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class SlowConsumerTest extends GatewayTestBase {

    private static final int EVENTS = 3000;
    private static final int BATCH = 100;

    /** Reads what the stalled client never read until the close frame or the end of the stream. */
    private static boolean connectionEnds(RawWebSocket socket) throws Exception {
        socket.soTimeout(30_000);
        try {
            while (true) {
                RawWebSocket.Frame frame = socket.read();
                if (frame.opcode() == 8) {
                    return frame.closeCode() == 1008;
                }
            }
        } catch (java.io.EOFException | java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void aStalledClientIsClosedWhileAFastOneGetsEverything() throws Exception {
        String room = unique("busy");
        String slowUser = unique("slow");
        WsTestClient fast = connected("fast");
        subscribe(fast, "room:" + room);

        try (TestKafka.Probe presence = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS);
                RawWebSocket slow = RawWebSocket.open(wsUri(null), TestTokens.forUser(slowUser), 4096)) {
            slow.sendText("{\"type\":\"subscribe\",\"channel\":\"room:" + room + "\"}");
            presence.await(ConnectionEvent.class, e -> slowUser.equals(e.userId()) && e.kind() == ConnectionEvent.Kind.JOIN);

            // Produced in batches paced by the fast client, so only the stalled one can fall behind on a loaded machine.
            FakeBackends backends = FakeBackends.get();
            ObjectNode data = TestKafka.JSON.createObjectNode().put("text", "y".repeat(3900));
            List<Long> seqs = new ArrayList<>();
            for (int batch = 0; batch < EVENTS / BATCH; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    ChatEvent event = backends.store(room, "writer", data);
                    TestKafka.sendAsync(Topics.CHAT_EVENTS, room, event);
                }
                TestKafka.flush();
                while (seqs.size() < (batch + 1) * BATCH) {
                    seqs.add(fast.await("message").path("seq").asLong());
                }
                fast.seen().clear();
            }
            assertEquals(LongStream.rangeClosed(1, EVENTS).boxed().toList(), seqs);
            ConnectionEvent leave = presence.await(ConnectionEvent.class,
                    e -> slowUser.equals(e.userId()) && e.kind() == ConnectionEvent.Kind.LEAVE);
            assertEquals("room:" + room, leave.channel());
            assertTrue(connectionEnds(slow), "the stalled socket is closed by the server");
        }
    }
}
