package dev.switchboard.presence.topology;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceClockTick;

/**
 * Reads presence.heartbeats, which carries two records: the gateways' heartbeats and presence-service's own clock
 * ticks, told apart by the tick's {@code clock} field (a heartbeat never has one). Read only: presence-service writes
 * its ticks with the messaging channel, not through the topology.
 */
final class HeartbeatsInput implements Deserializer<PresenceInput> {

    private static final String TICK_FIELD = "clock";

    private final ObjectMapper mapper;

    HeartbeatsInput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Serde<PresenceInput> serde(ObjectMapper mapper) {
        Serializer<PresenceInput> none = (topic, value) -> {
            throw new UnsupportedOperationException("presence.heartbeats is only read by the topology");
        };
        return Serdes.serdeFrom(none, new HeartbeatsInput(mapper));
    }

    @Override
    public PresenceInput deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            JsonNode json = mapper.readTree(data);
            return json.has(TICK_FIELD)
                    ? PresenceInput.of(mapper.treeToValue(json, PresenceClockTick.class))
                    : PresenceInput.of(mapper.treeToValue(json, GatewayHeartbeat.class));
        } catch (IOException e) {
            // Skipped by the deserialization exception handler, like any malformed input.
            throw new SerializationException("Not a heartbeat or clock tick on " + topic, e);
        }
    }
}
