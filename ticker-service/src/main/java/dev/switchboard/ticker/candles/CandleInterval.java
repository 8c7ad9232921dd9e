package dev.switchboard.ticker.candles;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The candle widths the service computes; each has its own windowed state store. */
public enum CandleInterval {
    ONE_SECOND("1s", Duration.ofSeconds(1)),
    ONE_MINUTE("1m", Duration.ofMinutes(1));

    private final String label;
    private final Duration size;

    CandleInterval(String label, Duration size) {
        this.label = label;
        this.size = size;
    }

    public String label() {
        return label;
    }

    public Duration size() {
        return size;
    }

    public String storeName() {
        return "ticker-candles-" + label;
    }

    public static Optional<CandleInterval> parse(String label) {
        return Arrays.stream(values()).filter(interval -> interval.label.equals(label)).findFirst();
    }
}
