package dev.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void readsTopLevelAndNestedFieldsByExactKey() {
        String f = "{\"type\":\"message\",\"channel\":\"room:a\",\"seq\":42,\"data\":{\"text\":\"t0 is not here\",\"t0\":123456,\"p\":3},\"ts\":99}";
        assertEquals("message", Frames.string(f, "type"));
        assertEquals("room:a", Frames.string(f, "channel"));
        assertEquals(42, Frames.number(f, "seq"));
        assertEquals(123456, Frames.number(f, "t0"));
        assertEquals(3, Frames.number(f, "p"));
        assertEquals(99, Frames.number(f, "ts"));
        assertTrue(Frames.isType(f, "message"));
    }

    @Test
    void missingOrNonNumericFieldsAreReportedAsAbsent() {
        String f = "{\"type\" : \"ack\", \"id\":\"a17\", \"seq\": -3}";
        assertEquals(Long.MIN_VALUE, Frames.number(f, "t0"));
        assertEquals(Long.MIN_VALUE, Frames.number(f, "id"));
        assertNull(Frames.string(f, "seq"));
        assertEquals(-3, Frames.number(f, "seq"));
        assertEquals("a17", Frames.string(f, "id"));
    }
}
