package dev.switchboard.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TickPacingTest {

    @Test
    void aTickReleasesEveryQuoteAtLeastAsOldOnceAndKeepsNewerOnes() {
        TickPacing pacing = new TickPacing();
        pacing.sent(30, 2);
        pacing.sent(10, 0);
        pacing.sent(20, 1);
        pacing.sent(40, 0);

        assertEquals(List.of(0, 1, 2), pacing.released(30));
        assertEquals(List.of(), pacing.released(35));
        assertEquals(List.of(0), pacing.released(40));
    }

    @Test
    void aRefusedQuoteIsForgottenOnceEvenBesideItsSameMicrosecondTwin() {
        TickPacing pacing = new TickPacing();
        pacing.sent(10, 3);
        pacing.sent(10, 3);

        assertTrue(pacing.forget(10, 3));
        assertEquals(List.of(3), pacing.released(10), "the twin still waits for its tick");
        assertFalse(pacing.forget(10, 3), "a released quote's credit is back already");
    }
}
