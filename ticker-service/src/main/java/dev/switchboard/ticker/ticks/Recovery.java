package dev.switchboard.ticker.ticks;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.switchboard.contracts.ticker.Tick;

/**
 * What start-up recovered from Kafka.
 *
 * @param latest         the latest tick of every symbol
 * @param staleSnapshots latest ticks found on ticker.ticks whose snapshot record is missing or older (a crash lost
 *                       it): the publisher writes them to ticker.snapshots again
 * @param ticksEnd       the end offset of each ticker.ticks partition when recovery read it; every tick below it is
 *                       covered once the stale snapshots are written again
 * @param tailRead       records of ticker.ticks recovery read (0 after a clean stop)
 * @param checkpointable ticker.recovery-checkpoints exists (without it, a stop would wait for its metadata in vain)
 */
public record Recovery(Collection<Tick> latest, List<Tick> staleSnapshots, Map<Integer, Long> ticksEnd, long tailRead,
        boolean checkpointable) {

    public Recovery {
        latest = List.copyOf(latest);
        staleSnapshots = List.copyOf(staleSnapshots);
        ticksEnd = Map.copyOf(ticksEnd);
    }
}
