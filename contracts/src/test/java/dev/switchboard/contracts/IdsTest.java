package dev.switchboard.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class IdsTest {

    private static final Pattern GRAMMAR = Pattern.compile(Ids.ID_PATTERN);

    @Test
    void acceptsExactlyWhatThePublishedPatternAccepts() {
        String[] samples = { "a", "room-42", "AAPL", "BRK.B", "u_1", "0", "-._", "x".repeat(128), "x".repeat(129), "",
                "room:1", "a b", "ünï", "semi;colon", "slash/", "tab\t", "émoji🎉", "a\u0000", "Z9z0" };
        assertEquals("[A-Za-z0-9_.-]{1,128}", Ids.ID_PATTERN, "the grammar protocol-v1 publishes");
        for (String sample : samples) {
            assertEquals(GRAMMAR.matcher(sample).matches(), Ids.isValid(sample), sample);
        }
    }

    @Test
    void everySingleCharacterAgreesWithThePattern() {
        for (char c = 0; c < 0x2000; c++) {
            String s = String.valueOf(c);
            assertEquals(GRAMMAR.matcher(s).matches(), Ids.isValid(s), "char " + (int) c);
        }
    }

    @Test
    void nullIsNotAnId() {
        assertFalse(Ids.isValid(null));
    }
}
