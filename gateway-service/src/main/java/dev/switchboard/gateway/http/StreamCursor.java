package dev.switchboard.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.contracts.Ids;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;

/**
 * The opaque position of an SSE stream (its event ids) or a long-poll client (its cursor): the last room seq
 * delivered per room channel, plus, for long polling, the server session and how far the client has read it. Encoded
 * as base64url JSON; clients must not look inside. Only rooms have positions: a ticker resumes with its latest value.
 *
 * @param session   the long-poll session id, null for SSE or when unknown
 * @param index     how many of the session's events the client has been given
 * @param positions room channel name to the last seq delivered
 */
public record StreamCursor(String session, long index, Map<String, Long> positions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENCODED_CHARS = 16384;

    public StreamCursor {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    public static StreamCursor of(Map<String, Long> positions) {
        return new StreamCursor(null, 0, positions);
    }

    /** The resume point of a room, or null when the cursor does not know the channel. */
    public Long since(Channel channel) {
        return channel.isRoom() ? positions.get(channel.name()) : null;
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        if (session != null) {
            node.put("s", session).put("n", index);
        }
        ObjectNode p = node.putObject("p");
        positions.forEach(p::put);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or a bad_request if it is not one of ours. */
    public static StreamCursor decode(String encoded, String what) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED_CHARS) {
            throw invalid(what);
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(encoded.strip()));
            if (node == null || !node.isObject() || !node.path("p").isObject()) {
                throw invalid(what);
            }
            String session = node.path("s").isTextual() ? node.path("s").asText() : null;
            if (session != null && !Ids.isValid(session)) {
                throw invalid(what);
            }
            long index = node.path("n").canConvertToLong() ? node.path("n").asLong() : 0;
            Map<String, Long> positions = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.path("p").properties()) {
                Channel channel = Channel.parse(entry.getKey());
                if (!channel.isRoom() || !entry.getValue().isIntegralNumber() || entry.getValue().asLong() < 0) {
                    throw invalid(what);
                }
                positions.put(channel.name(), entry.getValue().asLong());
            }
            if (index < 0) {
                throw invalid(what);
            }
            return new StreamCursor(session, index, positions);
        } catch (ProtocolException e) {
            throw invalid(what);
        } catch (Exception e) {
            throw invalid(what);
        }
    }

    private static ProtocolException invalid(String what) {
        return ProtocolException.badRequest(what + " is not a cursor this server issued");
    }
}
