package dev.switchboard.gateway.sse;

/** The text/event-stream wire format: every event's data is one JSON frame (JSON text holds no raw newline). */
final class SseFormat {

    static final String COMMENT = ": keep-alive\n\n";

    private SseFormat() {
    }

    static String event(String id, String json) {
        return id == null ? "data: " + json + "\n\n" : "id: " + id + "\ndata: " + json + "\n\n";
    }

    static String retry(long ms) {
        return "retry: " + ms + "\n";
    }
}
