package dev.switchboard.presence;

import java.time.Duration;

import dev.switchboard.presence.config.PresenceConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** PresenceConfig with its shipped defaults, outside Quarkus (for the topology test driver and the benchmark). */
final class DefaultConfig {

    private DefaultConfig() {
    }

    static PresenceConfig presence() {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "1s" / "250ms" syntax
                .withMapping(PresenceConfig.class)
                .build()
                .getConfigMapping(PresenceConfig.class);
    }
}
