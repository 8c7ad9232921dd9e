package dev.switchboard.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ProtocolException;

/** A client frame that parsed as a JSON object with a valid id (if any) and a type; field readers answer bad_request. */
record InboundFrame(String id, String type, ObjectNode body) {

    static final int MAX_ID_CHARS = 128;

    String requiredText(String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw ProtocolException.badRequest(field + " is required and must be a non-empty string");
        }
        return node.asText();
    }

    Channel channel() {
        JsonNode node = body.get("channel");
        if (node == null || !node.isTextual()) {
            throw ProtocolException.badRequest("channel is required and must be a string");
        }
        return Channel.parse(node.asText());
    }

    /** A non-negative integer field, or null when absent. */
    Long optionalSeq(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw ProtocolException.badRequest(field + " must be a non-negative integer");
        }
        return node.asLong();
    }

    boolean requiredBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isBoolean()) {
            throw ProtocolException.badRequest(field + " is required and must be true or false");
        }
        return node.asBoolean();
    }

    JsonNode requiredObject(String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isObject()) {
            throw ProtocolException.badRequest(field + " is required and must be an object");
        }
        return node;
    }

    JsonNode optionalObject(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ProtocolException.badRequest(field + " must be an object");
        }
        return node;
    }
}
