package dev.switchboard.gateway.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.gateway.http.TransportsTestResource;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.GatewayTestBase;
import dev.switchboard.gateway.support.TestKafka;
import dev.switchboard.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An SSE reader that stops reading never delays the others; its stream is ended (it resumes with Last-Event-ID). */
@QuarkusTest
@QuarkusTestResource(TransportsTestResource.class)
class SseSlowConsumerTest extends GatewayTestBase {

    private static final int EVENTS = 3000;
    /** Below the test profile's outbound queue size (128). */
    private static final int BATCH = 100;

    @Test
    void aStalledStreamIsEndedWhileAFastOneGetsEverything() throws Exception {
        String room = unique("busy");
        String slowUser = unique("slow");
        URI fastUri = URI.create(base.toString().replaceAll("/$", "") + "/v1/sse?channel=room:" + room);
        try (SseTestClient fast = SseTestClient.open(fastUri,
                Map.of("Authorization", "Bearer " + TestTokens.forUser(unique("fast"))));
                TestKafka.Probe presence = new TestKafka.Probe(Topics.PRESENCE_CONNECTIONS);
                Socket slow = new Socket()) {
            fast.await("subscribed");
            // A tiny receive window that is never read: the server's writes stall almost at once.
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET /v1/sse?channel=room:" + room + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + TestTokens.forUser(slowUser)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            presence.await(ConnectionEvent.class, e -> slowUser.equals(e.userId()) && e.kind() == ConnectionEvent.Kind.JOIN);

            // Sent in batches smaller than the outbound queue, each one read by the fast client before the next: on a
            // loaded machine the "fast" reader is a process that must get the CPU too, and it is its speed relative
            // to the stalled one that is under test, not the test client's own.
            ObjectNode data = TestKafka.JSON.createObjectNode().put("text", "y".repeat(3900));
            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < EVENTS) {
                int batch = Math.min(BATCH, EVENTS - seqs.size());
                for (int i = 0; i < batch; i++) {
                    ChatEvent event = FakeBackends.get().store(room, "writer", data);
                    TestKafka.sendAsync(Topics.CHAT_EVENTS, room, event);
                }
                TestKafka.flush();
                for (int i = 0; i < batch; i++) {
                    seqs.add(fast.await(event -> "message".equals(event.type()), TIMEOUT).data().path("seq").asLong());
                }
            }
            assertEquals(LongStream.rangeClosed(1, EVENTS).boxed().toList(), seqs);
            ConnectionEvent leave = presence.await(ConnectionEvent.class,
                    e -> slowUser.equals(e.userId()) && e.kind() == ConnectionEvent.Kind.LEAVE);
            assertEquals("room:" + room, leave.channel());
            assertTrue(streamEnds(slow), "the stalled stream is ended by the server");
        }
    }

    /** Reads what the stalled client never read, until the server closes the connection. */
    private static boolean streamEnds(Socket socket) throws Exception {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65536];
        try {
            while (in.read(buffer) >= 0) {
                // the backlog the client did not read
            }
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
