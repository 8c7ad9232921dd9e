package dev.switchboard.gateway.ticker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.contracts.ticker.Tick;
import jakarta.enterprise.context.ApplicationScoped;

/** The latest tick per symbol, fed by ticker.ticks and bootstrapped from the compacted ticker.snapshots. */
@ApplicationScoped
public class LatestTicks {

    private final Map<String, Tick> latest = new ConcurrentHashMap<>();
    private volatile boolean bootstrapped;

    /** Keeps the tick if it is newer (higher seq) than the one held. */
    public void offer(Tick tick) {
        latest.merge(tick.symbol(), tick, (held, offered) -> offered.seq() >= held.seq() ? offered : held);
    }

    public Tick get(String symbol) {
        return latest.get(symbol);
    }

    public boolean isBootstrapped() {
        return bootstrapped;
    }

    void markBootstrapped() {
        bootstrapped = true;
    }
}
