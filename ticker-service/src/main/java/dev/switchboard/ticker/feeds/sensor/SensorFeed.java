package dev.switchboard.ticker.feeds.sensor;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.ticker.feeds.PacedFeed;
import dev.switchboard.ticker.ticks.TickData;
import dev.switchboard.ticker.ticks.TickPublisher;
import jakarta.inject.Singleton;

/**
 * Simulated sensor readings: a mean-reverting random walk (Ornstein-Uhlenbeck) around a baseline, like a
 * thermostat-controlled room. Readings carry {@code value}, so they get candles too.
 */
@Singleton
public class SensorFeed extends PacedFeed {

    public static final String NAME = "sensor";

    private final SensorFeedConfig config;

    public SensorFeed(SensorFeedConfig config) {
        super(NAME, config.enabled(), config.ratePerSecond(), config.seed());
        this.config = config;
    }

    @Override
    protected LongConsumer prepare(TickPublisher publisher) {
        List<String> sensors = config.sensors().stream().distinct().toList();
        double[] values = new double[sensors.size()];
        java.util.Arrays.fill(values, config.baseline());
        SplittableRandom random = random();
        double dt = 1 / config.ratePerSecond();
        return now -> {
            for (int i = 0; i < values.length; i++) {
                values[i] += config.reversion() * (config.baseline() - values[i]) * dt
                        + config.noise() * Math.sqrt(dt) * random.nextGaussian();
                ObjectNode reading = JsonNodeFactory.instance.objectNode()
                        .put("value", Math.round(values[i] * 100) / 100.0)
                        .put("unit", config.unit());
                publisher.publish(sensors.get(i), NAME, now, TickData.of(reading));
            }
        };
    }
}
