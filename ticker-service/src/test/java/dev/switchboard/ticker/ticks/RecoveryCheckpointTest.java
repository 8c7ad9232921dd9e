package dev.switchboard.ticker.ticks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Where recovery starts reading a partition of ticker.ticks, and the checkpoint's JSON. */
class RecoveryCheckpointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecoveryCheckpoint checkpoint = new RecoveryCheckpoint(Map.of(0, 500L, 1, 90L), 1_700_000_000_000L);

    @Test
    void theTailStartsWhereTheCheckpointLeftOffWhenThatIsCloserThanTheTailBound() {
        assertEquals(500, checkpoint.tailStart(0, 0, 520, 10_000), "only the 20 records written since the stop");
        assertEquals(500, checkpoint.tailStart(0, 0, 500, 10_000), "nothing written since the stop: nothing to read");
    }

    @Test
    void theTailNeverReachesFurtherBackThanItsBoundNorBeforeTheLogStart() {
        assertEquals(40_000, checkpoint.tailStart(0, 0, 50_000, 10_000), "a long crashed run after the stop");
        assertEquals(95, checkpoint.tailStart(1, 95, 120, 10_000), "retention deleted what the checkpoint covered");
    }

    @Test
    void aPartitionTheCheckpointDoesNotNameIsReadAsIfThereWereNone() {
        assertEquals(3_000, checkpoint.tailStart(7, 0, 13_000, 10_000));
        assertEquals(12, checkpoint.tailStart(7, 12, 300, 10_000));
    }

    @Test
    void withoutACheckpointTheTailGoesAsFarBackAsItsBound() {
        assertEquals(3_000, RecoveryCheckpoint.NONE.tailStart(0, 0, 13_000, 10_000));
        assertEquals(0, RecoveryCheckpoint.NONE.tailStart(0, 0, 400, 10_000));
    }

    @Test
    void aCheckpointPastAPartitionsEndOrOfAMissingPartitionIsNotOfThisTopic() {
        assertFalse(checkpoint.isAheadOf(Map.of(0, 500L, 1, 100L, 2, 7L)));
        assertTrue(checkpoint.isAheadOf(Map.of(0, 499L, 1, 100L)), "the topic was recreated");
        assertTrue(checkpoint.isAheadOf(Map.of(0, 600L)), "partition 1 is gone");
    }

    @Test
    void itsJsonRoundTrips() {
        byte[] json = checkpoint.encode(MAPPER);
        assertEquals("{\"ticks\":{\"0\":500,\"1\":90},\"ts\":1700000000000}".length(), json.length);
        assertEquals(checkpoint, RecoveryCheckpoint.decode(MAPPER, json));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "\"a string\"", "{}", "{\"ticks\":[1,2],\"ts\":1}", "{\"ticks\":{\"0\":5}}",
            "{\"ticks\":{\"x\":5},\"ts\":1}", "{\"ticks\":{\"0\":-5},\"ts\":1}", "{\"ticks\":{\"0\":\"five\"},\"ts\":1}",
            "{\"ticks\":{\"-1\":5},\"ts\":1}" })
    void anythingElseIsRefused(String value) {
        assertThrows(IllegalArgumentException.class,
                () -> RecoveryCheckpoint.decode(MAPPER, value.getBytes(StandardCharsets.UTF_8)));
    }
}
