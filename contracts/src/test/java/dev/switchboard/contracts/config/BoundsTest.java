package dev.switchboard.contracts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigValidationException;

class BoundsTest {

    private static final Pattern WORD = Pattern.compile("[a-z]+");

    @Test
    void valuesOnTheBoundsPass() {
        Bounds bounds = new Bounds("app")
                .atLeast("a", 1, 1)
                .between("b", 10, 1, 10)
                .between("c", 0.0, 0.0, 5.0)
                .atLeast("c2", 0.0, 0.0)
                .positive("d", 0.001)
                .positiveAtMost("e", 1000.0, 1000.0)
                .atLeast("f", Duration.ofMillis(10), Duration.ofMillis(10))
                .between("g", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(1))
                .notBlank("h", "x")
                .matches("i", "abc", WORD, "a word")
                .eachMatches("j", List.of("a", "b"), WORD, "a word")
                .eachId("l", List.of("AAPL", "sensor.temp-1", "x".repeat(128)))
                .notEmpty("k", List.of(1));
        assertEquals(List.of(), bounds.problems());
        bounds.throwIfBroken();
    }

    @Test
    void everyValueOutOfBoundsIsReportedWithItsFullName() {
        Bounds bounds = new Bounds("app")
                .atLeast("a", 0, 1)
                .between("b", 11, 1, 10)
                .between("c", -0.5, 0.0, 5.0)
                .atLeast("c2", Double.NaN, 0.0)
                .positive("d", 0.0)
                .positiveAtMost("e", 1000.5, 1000.0)
                .atLeast("f", Duration.ofMillis(9), Duration.ofMillis(10))
                .between("g", null, Duration.ofSeconds(1), Duration.ofMinutes(1))
                .notBlank("h", " ")
                .matches("i", "ABC", WORD, "a word")
                .eachMatches("j", List.of("a", "B"), WORD, "a word")
                .eachId("l", List.of("AAPL", "BRK/B", "x".repeat(129), ""))
                .notEmpty("k", List.of());
        assertEquals(List.of(
                "app.a must be at least 1 (is 0)",
                "app.b must be between 1 and 10 (is 11)",
                "app.c must be between 0.0 and 5.0 (is -0.5)",
                "app.c2 must be at least 0.0 (is NaN)",
                "app.d must be greater than 0 (is 0.0)",
                "app.e must be greater than 0 and at most 1000.0 (is 1000.5)",
                "app.f must be at least PT0.01S (is PT0.009S)",
                "app.g must be between PT1S and PT1M (is null)",
                "app.h must not be blank (is  )",
                "app.i must be a word (is ABC)",
                "app.j must be a word (is B)",
                "app.l must be an id (1-128 letters, digits, '_', '.' or '-') (is BRK/B)",
                "app.l must be an id (1-128 letters, digits, '_', '.' or '-') (is " + "x".repeat(129) + ")",
                "app.l must be an id (1-128 letters, digits, '_', '.' or '-') (is )",
                "app.k must not be empty (is [])"), bounds.problems());
        ConfigValidationException thrown = assertThrows(ConfigValidationException.class, bounds::throwIfBroken);
        assertEquals(15, thrown.getProblemCount());
    }

    @Test
    void aMappingWithoutPrefixUsesTheBareName() {
        assertEquals(List.of("a must be at least 1 (is 0)"), new Bounds("").atLeast("a", 0, 1).problems());
    }
}
