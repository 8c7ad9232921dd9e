package dev.switchboard.gateway.sse;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real text/event-stream client (the JDK's HTTP client) that parses the stream as EventSource does: id, data and
 * retry fields, comments skipped, and the last event id kept for a reconnect.
 */
final class SseTestClient implements AutoCloseable {

    /** One dispatched event: its id (null when the event carried none) and its data as JSON. */
    record Event(String id, ObjectNode data) {
        String type() {
            return data.path("type").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile int comments;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream; the response may be an error (then read {@link #status()} and {@link #body()}). */
    static SseTestClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseTestClient(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The whole body of a refused request. */
    String body() {
        try {
            reader.join(10000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen.isEmpty() ? rawBody.toString() : "";
    }

    private final StringBuilder rawBody = new StringBuilder();

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (response.statusCode() != 200) {
                    rawBody.append(line);
                    continue;
                }
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        events.add(new Event(id, (ObjectNode) JSON.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (Exception e) {
            // The stream was closed.
        }
    }

    /** The next event matching, waiting up to the timeout; the others are kept in {@link #seen()}. */
    Event await(Predicate<Event> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No matching event within " + timeout + "; seen " + seen);
                }
                seen.add(event);
                if (matching.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Event await(String type) {
        return await(event -> type.equals(event.type()), Duration.ofSeconds(20));
    }

    /** Everything received so far, after waiting briefly for stragglers. */
    List<Event> seen() {
        events.drainTo(seen);
        return List.copyOf(seen);
    }

    String lastEventId() {
        return lastEventId;
    }

    int comments() {
        return comments;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (Exception e) {
            // already closed
        }
        reader.interrupt();
    }
}
