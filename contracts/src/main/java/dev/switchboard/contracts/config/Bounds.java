package dev.switchboard.contracts.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Ids;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;

/**
 * The checks of one configuration mapping. Names are relative to the mapping's prefix, as written in
 * application.properties ({@code history.max-limit}); every problem is collected, so one start reports them all.
 */
public final class Bounds {

    private final String prefix;
    private final List<Problem> problems = new ArrayList<>();

    public Bounds(String prefix) {
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
    }

    public Bounds atLeast(String name, long value, long min) {
        return require(value >= min, name, "must be at least " + min, value);
    }

    public Bounds between(String name, long value, long min, long max) {
        return require(value >= min && value <= max, name, "must be between " + min + " and " + max, value);
    }

    public Bounds atLeast(String name, double value, double min) {
        return require(value >= min, name, "must be at least " + min, value);
    }

    public Bounds between(String name, double value, double min, double max) {
        return require(value >= min && value <= max, name, "must be between " + min + " and " + max, value);
    }

    public Bounds positive(String name, double value) {
        return require(value > 0, name, "must be greater than 0", value);
    }

    /** Above zero, for rates and scales where zero would mean "never" or "nothing". */
    public Bounds positiveAtMost(String name, double value, double max) {
        return require(value > 0 && value <= max, name, "must be greater than 0 and at most " + max, value);
    }

    public Bounds atLeast(String name, Duration value, Duration min) {
        return require(value != null && value.compareTo(min) >= 0, name, "must be at least " + min, value);
    }

    public Bounds between(String name, Duration value, Duration min, Duration max) {
        return require(value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0, name,
                "must be between " + min + " and " + max, value);
    }

    public Bounds notBlank(String name, String value) {
        return require(value != null && !value.isBlank(), name, "must not be blank", value);
    }

    /** {@code what} says in words what the pattern asks for; it is the message a reader gets. */
    public Bounds matches(String name, String value, Pattern pattern, String what) {
        return require(value != null && pattern.matcher(value).matches(), name, "must be " + what, value);
    }

    public Bounds eachMatches(String name, Collection<String> values, Pattern pattern, String what) {
        if (values != null) {
            for (String value : values) {
                matches(name, value, pattern, what);
            }
        }
        return this;
    }

    /** Each value is an id of protocol-v1 ({@link Ids#isValid}), as a symbol or sensor named in settings must be. */
    public Bounds eachId(String name, Collection<String> values) {
        if (values != null) {
            for (String value : values) {
                require(Ids.isValid(value), name, "must be an id (1-" + Ids.MAX_LENGTH + " letters, digits, '_', '.' or '-')",
                        value);
            }
        }
        return this;
    }

    public Bounds notEmpty(String name, Collection<?> value) {
        return require(value != null && !value.isEmpty(), name, "must not be empty", value);
    }

    /** A rule no single check covers (one setting against another, say). */
    public Bounds require(boolean holds, String name, String rule, Object value) {
        if (!holds) {
            problems.add(new Problem(prefix + name + " " + rule + " (is " + value + ")"));
        }
        return this;
    }

    public List<String> problems() {
        return problems.stream().map(Problem::getMessage).toList();
    }

    void throwIfBroken() {
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(Problem[]::new));
        }
    }
}
