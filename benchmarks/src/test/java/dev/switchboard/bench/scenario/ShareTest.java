package dev.switchboard.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.bench.scenario.HelperProcesses.Share;

class ShareTest {

    @Test
    void fiftyThousandOverThreeGatewaysIsOneProcessEach() {
        assertEquals(List.of(new Share(0, 16_667, 18080), new Share(16_667, 16_667, 18084),
                new Share(33_334, 16_666, 18085)), Share.split(50_000, List.of(18080, 18084, 18085), 18_000));
    }

    @Test
    void noProcessStraddlesTwoGatewaysSoNoneGetsMoreThanItsPart() {
        // 19,000 a gateway, at most 18,000 a process: each gateway gets two processes, and exactly its 19,000.
        assertEquals(List.of(new Share(0, 18_000, 1), new Share(18_000, 1_000, 1), new Share(19_000, 18_000, 2),
                new Share(37_000, 1_000, 2)), Share.split(38_000, List.of(1, 2), 18_000));
    }

    @Test
    void oneServerIsSplitOnlyByWhatAProcessMayHold() {
        assertEquals(List.of(new Share(0, 18_000, 8080), new Share(18_000, 18_000, 8080), new Share(36_000, 4_000, 8080)),
                Share.split(40_000, List.of(8080), 18_000));
        assertEquals(List.of(new Share(0, 200, 8080)), Share.split(200, List.of(8080), 18_000));
    }

    @Test
    void fewerConnectionsThanServersLeaveTheLastServersOut() {
        assertEquals(List.of(new Share(0, 1, 1), new Share(1, 1, 2)), Share.split(2, List.of(1, 2, 3), 18_000));
    }
}
