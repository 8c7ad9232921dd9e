package dev.switchboard.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real WebSocket client (the JDK's java.net.http) that records every text frame as JSON and the close code, so a
 * test can wait for the frame it expects while keeping the others.
 */
public final class WsTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<ObjectNode> frames;
    private final CompletableFuture<Integer> closeCode;
    private final List<ObjectNode> seen = new ArrayList<>();

    private WsTestClient(WebSocket socket, BlockingQueue<ObjectNode> frames, CompletableFuture<Integer> closeCode) {
        this.socket = socket;
        this.frames = frames;
        this.closeCode = closeCode;
    }

    public static WsTestClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    public static WsTestClient connect(URI uri, Map<String, String> headers) {
        BlockingQueue<ObjectNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, new Recorder(frames, closeCode)).join();
        return new WsTestClient(socket, frames, closeCode);
    }

    public WsTestClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WsTestClient send(Map<String, ?> frame) {
        try {
            return send(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public WsTestClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** The next frame of that type, skipping (but keeping in {@link #seen()}) the others. */
    public ObjectNode await(String type) {
        return await(frame -> type.equals(frame.path("type").asText()), Duration.ofSeconds(20));
    }

    public ObjectNode await(Predicate<ObjectNode> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                ObjectNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("No matching frame within " + timeout + "; frames seen: " + seen);
                }
                seen.add(frame);
                if (matching.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** A frame that arrives within the timeout, or null. */
    public ObjectNode poll(Duration timeout) {
        try {
            ObjectNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame != null) {
                seen.add(frame);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Connection not closed within " + timeout + "; frames seen: " + seen, e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    public List<ObjectNode> seen() {
        return seen;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static final class Recorder implements WebSocket.Listener {
        private final BlockingQueue<ObjectNode> frames;
        private final CompletableFuture<Integer> closeCode;
        private final StringBuilder partial = new StringBuilder();

        Recorder(BlockingQueue<ObjectNode> frames, CompletableFuture<Integer> closeCode) {
            this.frames = frames;
            this.closeCode = closeCode;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frames.add((ObjectNode) JSON.readTree(text));
                } catch (JsonProcessingException | ClassCastException e) {
                    frames.add(JSON.createObjectNode().put("type", "__unparseable").put("raw", text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
