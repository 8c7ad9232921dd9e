package dev.switchboard.ticker.ticks;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.ticker.Tick;

/**
 * Encodes a tick as the JSON of the {@link Tick} contract record. The same bytes go to ticker.ticks and
 * ticker.snapshots and are kept as the latest value, so a tick is serialized exactly once. Also the JSON of
 * ticker-service's own {@link RecoveryCheckpoint}.
 */
public final class TickEncoder {

    private final ObjectMapper mapper;
    // One growable buffer per producing thread: feeds and request workers never share it.
    private final ThreadLocal<ByteArrayBuilder> buffers = ThreadLocal.withInitial(() -> new ByteArrayBuilder(512));

    public TickEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(String symbol, long seq, String feed, TickData data, long ts) {
        ByteArrayBuilder buffer = buffers.get();
        buffer.reset();
        try (JsonGenerator json = mapper.getFactory().createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("symbol", symbol);
            json.writeNumberField("seq", seq);
            json.writeStringField("feed", feed);
            json.writeFieldName("data");
            data.writeTo(json);
            json.writeNumberField("ts", ts);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a tick of " + symbol, e);
        }
        return buffer.toByteArray();
    }

    public Tick decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, Tick.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode a tick", e);
        }
    }

    public byte[] encode(RecoveryCheckpoint checkpoint) {
        return checkpoint.encode(mapper);
    }

    /** Fails with IllegalArgumentException if the value is not a checkpoint. */
    public RecoveryCheckpoint decodeCheckpoint(byte[] bytes) {
        return RecoveryCheckpoint.decode(mapper, bytes);
    }
}
