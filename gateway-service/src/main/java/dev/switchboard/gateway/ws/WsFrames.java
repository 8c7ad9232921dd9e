package dev.switchboard.gateway.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.chat.PublishResult;
import dev.switchboard.gateway.fanout.Subscribed;
import dev.switchboard.gateway.protocol.EventFrames;
import dev.switchboard.gateway.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;

/** The WebSocket-only server frames of protocol-v1 (welcome, subscribed, ack, error, pong, reconnect). */
@ApplicationScoped
public class WsFrames {

    public static final int PROTOCOL_VERSION = 1;

    private final ObjectMapper json;
    private final EventFrames frames;

    public WsFrames(ObjectMapper json, EventFrames frames) {
        this.json = json;
        this.frames = frames;
    }

    public String welcome(String id, String connectionId, String userId, long heartbeatMs) {
        return frames.write(frame("welcome", id)
                .put("connectionId", connectionId)
                .put("userId", userId)
                .put("heartbeatMs", heartbeatMs)
                .put("protocol", PROTOCOL_VERSION));
    }

    public String subscribed(String id, Subscribed subscribed) {
        return frames.write(frame("subscribed", id)
                .put("channel", subscribed.channel().name())
                .put("seq", subscribed.seq())
                .put("recovered", subscribed.recovered()));
    }

    public String ack(String id) {
        return frames.write(frame("ack", id));
    }

    public String ack(String id, String channel) {
        return frames.write(frame("ack", id).put("channel", channel));
    }

    public String published(String id, String channel, PublishResult result) {
        return frames.write(frame("ack", id)
                .put("channel", channel)
                .put("seq", result.seq())
                .put("messageId", result.messageId()));
    }

    public String error(String id, ProtocolException problem) {
        return error(id, null, problem);
    }

    public String error(String id, String channel, ProtocolException problem) {
        ObjectNode frame = frame("error", id).put("code", problem.code().wire()).put("message", problem.getMessage());
        if (channel != null) {
            frame.put("channel", channel);
        }
        return frames.write(frame);
    }

    public String pong(String id) {
        return frames.write(frame("pong", id));
    }

    public String reconnect(String reason, long afterMs) {
        return frames.write(frame("reconnect", null).put("reason", reason).put("afterMs", afterMs));
    }

    private ObjectNode frame(String type, String id) {
        ObjectNode frame = json.createObjectNode().put("type", type);
        if (id != null) {
            frame.put("id", id);
        }
        return frame;
    }
}
