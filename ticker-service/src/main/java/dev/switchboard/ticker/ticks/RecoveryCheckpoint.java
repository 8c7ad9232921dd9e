package dev.switchboard.ticker.ticks;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a clean stop leaves on ticker.recovery-checkpoints: for each partition of ticker.ticks, the offset below which
 * every tick's snapshot record was acknowledged by Kafka. Recovery then reads the tail of ticker.ticks only from
 * there: after a clean stop, nothing. Written by hand as a JSON tree (no reflection in a native build):
 * {@code {"ticks":{"0":1234,"1":987},"ts":1700000000000}}.
 *
 * @param ticksOffsets partition of ticker.ticks to the offset it covers (exclusive)
 * @param ts           when the stop wrote it, epoch millis
 */
public record RecoveryCheckpoint(Map<Integer, Long> ticksOffsets, long ts) {

    /** The one key of the topic: one ticker-service writes it. */
    public static final String KEY = "ticks";

    /** No clean stop known: the tail is read as far back as its bound allows. */
    public static final RecoveryCheckpoint NONE = new RecoveryCheckpoint(Map.of(), 0);

    public RecoveryCheckpoint {
        ticksOffsets = Map.copyOf(ticksOffsets);
    }

    /** Where recovery starts reading a partition of ticker.ticks: at most tailRecords back, never before what is covered. */
    public long tailStart(int partition, long begin, long end, int tailRecords) {
        long covered = ticksOffsets.getOrDefault(partition, begin);
        return Math.min(end, Math.max(Math.max(begin, end - tailRecords), covered));
    }

    /** True if this checkpoint cannot be of these partitions: an offset past a partition's end (the topic was recreated). */
    public boolean isAheadOf(Map<Integer, Long> ends) {
        for (Map.Entry<Integer, Long> covered : ticksOffsets.entrySet()) {
            Long end = ends.get(covered.getKey());
            if (end == null || covered.getValue() > end) {
                return true;
            }
        }
        return false;
    }

    public byte[] encode(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        ObjectNode ticks = json.putObject("ticks");
        ticksOffsets.forEach((partition, offset) -> ticks.put(Integer.toString(partition), offset));
        json.put("ts", ts);
        try {
            return mapper.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode a recovery checkpoint", e);
        }
    }

    /** Decodes a checkpoint; a value that is not one fails with IllegalArgumentException. */
    public static RecoveryCheckpoint decode(ObjectMapper mapper, byte[] value) {
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        JsonNode ticks = json == null ? null : json.get("ticks");
        if (ticks == null || !ticks.isObject() || !json.path("ts").canConvertToLong()) {
            throw new IllegalArgumentException("expected {\"ticks\":{partition:offset,...},\"ts\":millis}");
        }
        Map<Integer, Long> offsets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ticks.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            int partition;
            try {
                partition = Integer.parseInt(field.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("partition " + field.getKey() + " is not a number");
            }
            if (partition < 0 || !field.getValue().canConvertToLong() || field.getValue().asLong() < 0) {
                throw new IllegalArgumentException("partition " + field.getKey() + ": not an offset");
            }
            offsets.put(partition, field.getValue().asLong());
        }
        return new RecoveryCheckpoint(offsets, json.get("ts").asLong());
    }
}
