package dev.switchboard.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void aCommaListOfNumbersOrTheDefault() {
        Args args = new Args(new String[] { "--replica-ports", "18080, 18084,18085" }, 0);
        assertEquals(List.of(18080, 18084, 18085), args.integers("replica-ports", List.of(1)));
        assertEquals(List.of(1), args.integers("replica-pids", List.of(1)));
    }

    @Test
    void aListWithSomethingElseNamesTheOption() {
        Args args = new Args(new String[] { "--replica-pids", "123,,456" }, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> args.integers("replica-pids", List.of()));
        assertEquals("--replica-pids must be whole numbers separated by commas, got 123,,456", e.getMessage());
    }

    @Test
    void processIdsAreLongsAndTooLargeAnIntegerIsRefused() {
        Args args = new Args(new String[] { "--replica-pids", "7,4294967296", "--replica-ports", "4294967296" }, 0);
        assertEquals(List.of(7L, 4_294_967_296L), args.numbers("replica-pids", List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> args.integers("replica-ports", List.of()));
        assertEquals("--replica-ports takes numbers up to 2147483647, got 4294967296", e.getMessage());
    }

    @Test
    void theLastOfARepeatedOptionWins() {
        // Helper processes get the caller's options and then their own --port.
        assertEquals(18084, new Args(new String[] { "--port", "18080", "--port", "18084" }, 0).integer("port", 0));
    }
}
