package dev.switchboard.contracts.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * The bounds of a service's settings, checked when its configuration is built: a value out of bounds stops the service
 * at start, naming the property. Each service has one subclass, listed in its
 * {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 * <p>
 * The bounds are code rather than Bean Validation annotations on the {@code @ConfigMapping} interfaces: one constrained
 * mapping makes Quarkus build a Hibernate Validator over every configuration class of the application (about 150,
 * Quarkus' own included) before anything else starts, which was 0.3-0.5 s of each service's start-up.
 */
public abstract class ConfigRules implements SmallRyeConfigBuilderCustomizer, ConfigValidator {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(this);
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mapping) throws ConfigValidationException {
        Bounds bounds = new Bounds(prefix);
        check(mapping, bounds);
        bounds.throwIfBroken();
    }

    /**
     * Checks one mapping, whichever of the application's it is (Quarkus' own pass through here too and are left alone):
     * typically an {@code instanceof} per mapping of the service.
     */
    protected abstract void check(Object mapping, Bounds bounds);
}
