package dev.switchboard.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's configuration mappings built as the service builds them at start, without starting it: its customizers
 * found through META-INF/services (so its {@code ConfigRules} run) and Quarkus' duration format ("250ms"), over the
 * given values and the mappings' defaults.
 */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    public static SmallRyeConfig build(Map<String, String> values, Class<?>... mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDiscoveredCustomizers()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500));
        for (Class<?> mapping : mappings) {
            builder.withMapping(mapping);
        }
        return builder.build();
    }

    /** What the start would report for these values: one message per problem, none if the mappings build. */
    public static List<String> problems(Map<String, String> values, Class<?>... mappings) {
        try {
            build(values, mappings);
            return List.of();
        } catch (ConfigValidationException e) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(e.getProblem(i).getMessage());
            }
            return problems;
        }
    }
}
