package dev.switchboard.ticker.candles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a Tick record of ticker.ticks straight into a {@link PricePoint} with a streaming parser: the candle topology
 * sees every tick, and building a full Tick with a JSON tree for each would cost more than the aggregation itself.
 * Anything that is not a JSON object yields null, which the topology drops.
 */
public final class PricePointSerde implements Serde<PricePoint> {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Serializer<PricePoint> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<PricePoint> deserializer() {
        return this::deserialize;
    }

    public byte[] serialize(String topic, PricePoint point) {
        if (point == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("seq", point.seq());
            json.writeObjectFieldStart("data");
            if (point.priced()) {
                json.writeNumberField("price", point.price());
            }
            json.writeNumberField("volume", point.volume());
            json.writeEndObject();
            json.writeNumberField("ts", point.ts());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public PricePoint deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (JsonParser json = JSON.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            long ts = -1;
            long seq = 0;
            Prices prices = new Prices();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                switch (field) {
                    case "ts" -> ts = token.isNumeric() ? json.getLongValue() : -1;
                    case "seq" -> seq = token.isNumeric() ? json.getLongValue() : 0;
                    case "data" -> prices.read(json, token);
                    default -> json.skipChildren();
                }
            }
            return new PricePoint(ts, seq, prices.price(), prices.volume());
        } catch (IOException e) {
            return null;
        }
    }

    /** The fields of a tick's data object that make a candle. */
    private static final class Prices {
        private boolean hasPrice;
        private double price = Double.NaN;
        private double value = Double.NaN;
        private double volume;

        void read(JsonParser json, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken fieldToken = json.nextToken();
                double number = fieldToken.isNumeric() ? json.getDoubleValue() : Double.NaN;
                switch (field) {
                    case "price" -> {
                        hasPrice = true;
                        price = number;
                    }
                    case "value" -> value = number;
                    case "volume" -> volume = Double.isFinite(number) ? number : 0;
                    default -> json.skipChildren();
                }
            }
        }

        double price() {
            return hasPrice ? price : value;
        }

        double volume() {
            return volume;
        }
    }
}
