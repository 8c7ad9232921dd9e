package dev.switchboard.contracts.chat;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A committed change to a room, on {@code chat.events}, keyed by room. Every event of a room, edits and deletes
 * included, takes the next gap-free {@code seq} of that room, so a subscriber resuming with {@code since} sees them all.
 *
 * @param kind      created, edited or deleted
 * @param roomId    the room, without prefix
 * @param seq       the room's sequence number of this event
 * @param messageId the message this event is about (the same for its edits and delete)
 * @param msgId     the publisher's idempotency key (created only)
 * @param from      the author of the message
 * @param actor     who made this change (the author, or a moderator)
 * @param data      the message body after this change; null for deleted
 * @param ts        commit time, epoch millis
 */
@RegisterForReflection
public record ChatEvent(
        Kind kind,
        String roomId,
        long seq,
        String messageId,
        String msgId,
        String from,
        String actor,
        JsonNode data,
        long ts) {

    public enum Kind {
        CREATED, EDITED, DELETED
    }
}
