package dev.switchboard.contracts.ticker;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One live value of one symbol, on {@code ticker.ticks} and (latest only) {@code ticker.snapshots}, keyed by symbol.
 *
 * @param seq  per-symbol sequence, continuous from 1
 * @param feed the feed that produced it (market, sports, sensor, replay, ingest)
 * @param data the value; market quotes carry price, bid, ask and volume
 * @param ts   event time, epoch millis
 */
@RegisterForReflection
public record Tick(String symbol, long seq, String feed, JsonNode data, long ts) {
}
