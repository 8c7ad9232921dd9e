package dev.switchboard.chat.rooms;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A room as the HTTP API shows it; {@code role} is the acting user's role, when they are a member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record RoomView(String id, String visibility, String name, String createdBy, long createdAt, long latestSeq,
        Long retentionSeconds, String role) {

    public static RoomView of(Room room, String role) {
        return new RoomView(room.id(), room.visibility().name().toLowerCase(Locale.ROOT), room.name(),
                room.createdBy(), room.createdAt(), room.latestSeq(),
                room.retentionMs() == null ? null : room.retentionMs() / 1000, role);
    }
}
