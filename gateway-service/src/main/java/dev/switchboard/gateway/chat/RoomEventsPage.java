package dev.switchboard.gateway.chat;

import java.util.List;

import dev.switchboard.contracts.chat.ChatEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** chat-service's answer to GET /v1/rooms/{id}/events?after=N&limit=L (internal API): durable room history. */
@RegisterForReflection
public record RoomEventsPage(String roomId, List<ChatEvent> events, long latestSeq, long earliestSeq, boolean hasMore) {

    public List<ChatEvent> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
