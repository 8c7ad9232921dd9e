package dev.switchboard.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram of latencies in microseconds (1 us .. 5 min, 3 significant digits), summarised in milliseconds.
 * Synchronized: late deliveries may still be recorded while the summary is read, and the recording side is one
 * event loop, so the lock is uncontended.
 */
public final class Latency {
    private final Histogram histogram = new Histogram(1, 300_000_000L, 3);
    private long clamped;

    public synchronized void record(long micros) {
        if (micros < 1) {
            micros = 1;
        } else if (micros > histogram.getHighestTrackableValue()) {
            micros = histogram.getHighestTrackableValue();
            clamped++;
        }
        histogram.recordValue(micros);
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    public synchronized double percentileMs(double p) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(p) / 1000.0;
    }

    public synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", histogram.getTotalCount());
        m.put("p50Ms", percentileMs(50));
        m.put("p90Ms", percentileMs(90));
        m.put("p99Ms", percentileMs(99));
        m.put("p999Ms", percentileMs(99.9));
        m.put("maxMs", histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0);
        m.put("meanMs", histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1000.0);
        m.put("clampedAt5Min", clamped);
        return m;
    }
}
