package dev.switchboard.gateway.protocol;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.inbox.InboxEvent;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.fanout.ChannelEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The server-to-client event frames of protocol-v1 (message, tick, presence, typing, signal, notification), built
 * once per event and shared by every transport: WebSocket sends the JSON as a frame, SSE as an event's data, long
 * polling in its events array.
 */
@ApplicationScoped
public class EventFrames {

    private final ObjectMapper json;

    public EventFrames(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A chat event as a {@code message} frame. Edits and deletes are messages too, told apart by {@code event}
     * (created, edited, deleted); a deleted one has data null.
     */
    public ChannelEvent message(ChatEvent event) {
        ObjectNode frame = json.createObjectNode().put("type", "message");
        String channel = Channel.room(event.roomId()).name();
        frame.put("channel", channel)
                .put("seq", event.seq())
                .put("messageId", event.messageId())
                .put("from", event.from())
                .set("data", event.kind() == ChatEvent.Kind.DELETED ? null : event.data());
        frame.put("ts", event.ts());
        String kind = event.kind() == null ? "created" : event.kind().name().toLowerCase();
        frame.put("event", kind);
        if (event.kind() == ChatEvent.Kind.CREATED || event.kind() == null) {
            frame.put("msgId", event.msgId());
        } else {
            frame.put(kind, true);
            frame.put("actor", event.actor());
        }
        return event(channel, event.seq(), false, null, frame);
    }

    /** A tick; conflatable, so a slow client always gets the latest value of a symbol. */
    public ChannelEvent tick(Tick tick) {
        String channel = Channel.ticker(tick.symbol()).name();
        ObjectNode frame = json.createObjectNode().put("type", "tick")
                .put("channel", channel)
                .put("seq", tick.seq());
        frame.set("data", tick.data());
        frame.put("ts", tick.ts());
        return event(channel, tick.seq(), true, null, frame);
    }

    public ChannelEvent presenceDiff(PresenceDiff diff) {
        ObjectNode frame = json.createObjectNode().put("type", "presence").put("channel", diff.channel());
        frame.set("joins", members(diff.joins(), true));
        frame.set("leaves", members(diff.leaves(), false));
        frame.put("count", diff.count()).put("sampled", diff.sampled()).put("ts", diff.ts());
        return event(diff.channel(), 0, false, null, frame);
    }

    /** The full member list sent right after subscribed to a room. */
    public ChannelEvent presenceMembers(String channel, List<PresenceMember> members, int count, boolean sampled) {
        ObjectNode frame = json.createObjectNode().put("type", "presence").put("channel", channel);
        frame.set("members", members(members, true));
        frame.put("count", count).put("sampled", sampled);
        return event(channel, 0, false, null, frame);
    }

    /** Typing of one user (not sent back to that user), or an aggregate in large rooms. */
    public ChannelEvent typing(TypingUpdate update) {
        ObjectNode frame = json.createObjectNode().put("type", "typing").put("channel", update.channel());
        if (update.aggregated()) {
            frame.putNull("userId");
            frame.put("active", update.typingCount() > 0);
            frame.put("aggregated", true).put("typingCount", update.typingCount());
            ArrayNode users = frame.putArray("typingUsers");
            if (update.typingUsers() != null) {
                update.typingUsers().forEach(users::add);
            }
        } else {
            frame.put("userId", update.userId()).put("active", update.active());
        }
        return event(update.channel(), 0, false, update.aggregated() ? null : update.userId(), frame);
    }

    /** An inbox event for user:{to}: {@code signal {from, data}}, or {@code notification {data}}. */
    public ChannelEvent inbox(InboxEvent event) {
        String channel = Channel.user(event.to()).name();
        boolean signal = event.kind() == InboxEvent.Kind.SIGNAL;
        ObjectNode frame = json.createObjectNode().put("type", signal ? "signal" : "notification").put("channel", channel);
        if (signal) {
            frame.put("from", event.from());
        }
        frame.set("data", event.data());
        frame.put("ts", event.ts());
        return event(channel, 0, false, null, frame);
    }

    private ArrayNode members(List<PresenceMember> members, boolean withMeta) {
        ArrayNode array = json.createArrayNode();
        if (members != null) {
            for (PresenceMember member : members) {
                ObjectNode node = array.addObject().put("userId", member.userId());
                if (withMeta) {
                    node.set("meta", member.meta());
                }
            }
        }
        return array;
    }

    private ChannelEvent event(String channel, long seq, boolean conflatable, String skipUser, ObjectNode frame) {
        return new ChannelEvent(channel, seq, conflatable, skipUser, frame, write(frame));
    }

    /** Serializes a frame; a JsonNode tree always serializes. */
    public String write(JsonNode frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
