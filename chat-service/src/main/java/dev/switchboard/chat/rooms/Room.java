package dev.switchboard.chat.rooms;

import dev.switchboard.contracts.chat.MembershipEvent.Visibility;

/** A room as stored; {@code latestSeq} is the seq of its latest event (0 before the first). */
public record Room(String id, Visibility visibility, String name, String createdBy, long createdAt, long latestSeq,
        Long retentionMs) {

    public boolean isPrivate() {
        return visibility == Visibility.PRIVATE;
    }

    public Room withLatestSeq(long seq) {
        return new Room(id, visibility, name, createdBy, createdAt, seq, retentionMs);
    }
}
