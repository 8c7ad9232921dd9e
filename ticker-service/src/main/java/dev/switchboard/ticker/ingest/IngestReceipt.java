package dev.switchboard.ticker.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to an accepted ingest: how many quotes, and the seqs they received (both inclusive). */
@RegisterForReflection
public record IngestReceipt(String symbol, int accepted, long firstSeq, long lastSeq) {
}
