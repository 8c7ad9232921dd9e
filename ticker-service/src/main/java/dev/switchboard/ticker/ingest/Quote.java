package dev.switchboard.ticker.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One quote from an external producer. Only {@code price} is required; {@code ts} (epoch millis) defaults to the time
 * the service receives it.
 */
@RegisterForReflection
public record Quote(
        @NotNull @Positive @Finite Double price,
        @Positive @Finite Double bid,
        @Positive @Finite Double ask,
        @PositiveOrZero @Finite Double volume,
        @PositiveOrZero Long ts) {

    /** The tick's data object: the quote without its timestamp. */
    ObjectNode data() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("price", price);
        if (bid != null) {
            data.put("bid", bid);
        }
        if (ask != null) {
            data.put("ask", ask);
        }
        if (volume != null) {
            data.put("volume", volume);
        }
        return data;
    }
}
