package dev.switchboard.ticker.ingest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A finite number: no NaN, no infinity (a JSON "1e400" parses to infinity, a string "NaN" to NaN). Needed beside
 * {@code @Positive}, which lets NaN and infinity through. Null is valid.
 */
@Documented
@Constraint(validatedBy = FiniteValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface Finite {

    String message() default "must be a finite number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
