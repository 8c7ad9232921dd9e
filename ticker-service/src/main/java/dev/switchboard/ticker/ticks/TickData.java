package dev.switchboard.ticker.ticks;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} object of a tick, written straight into the encoder's generator. Hot feeds implement it on a
 * reusable per-symbol object so a tick costs no intermediate tree.
 */
@FunctionalInterface
public interface TickData {

    void writeTo(JsonGenerator json) throws IOException;

    static TickData of(JsonNode node) {
        return json -> json.writeTree(node);
    }
}
