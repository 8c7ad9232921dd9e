package dev.switchboard.gateway.fanout;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One outbound event of a channel, transport-neutral: the JSON frame (with its "type") serialized once and shared by
 * every subscriber.
 *
 * @param channel     the channel name, e.g. room:lobby
 * @param seq         the channel's sequence of this event (room seq, tick seq); 0 when unsequenced (presence, typing)
 * @param conflatable a newer event of the same channel may replace this one while queued (ticks)
 * @param skipUser    a user who must not receive it (their own typing); null for none
 * @param frame       the event as a JSON object, with "type"
 * @param json        the same, serialized
 */
public record ChannelEvent(String channel, long seq, boolean conflatable, String skipUser, ObjectNode frame, String json) {

    public String type() {
        return frame.path("type").asText();
    }

    public boolean sequenced() {
        return seq > 0;
    }
}
