package dev.switchboard.chat.commands;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules of a ChatCommand that depend on its kind or on configuration: what each kind must carry, and the message
 * body (an object whose {@code text} has 1..max-text-length characters, no control characters but newline and tab,
 * at most max-data-bytes serialized).
 */
@Documented
@Constraint(validatedBy = WellFormedCommandValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WellFormedCommand {

    String message() default "invalid command";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
