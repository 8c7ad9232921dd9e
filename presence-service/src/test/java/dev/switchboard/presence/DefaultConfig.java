package dev.switchboard.presence;

import java.time.Duration;
import java.util.Map;

import dev.switchboard.presence.config.PresenceConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** PresenceConfig with its shipped defaults, outside Quarkus (for the topology test driver and the benchmark). */
final class DefaultConfig {

    private DefaultConfig() {
    }

    static PresenceConfig presence() {
        return presence(Map.of());
    }

    /** The defaults but for {@code overrides}, by full property name ("switchboard.presence.sample-size"). */
    static PresenceConfig presence(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "1s" / "250ms" syntax
                .withSources(new PropertiesConfigSource(overrides, "test overrides", 500))
                .withMapping(PresenceConfig.class)
                .build()
                .getConfigMapping(PresenceConfig.class);
    }
}
