package dev.switchboard.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.presence.leases.GatewayLease;

/** Leases in the changelog written before the partition clock still restore, with their wall-clock deadline. */
class GatewayLeaseFormatTest {

    @Test
    void aLeaseWithTheFormerWallClockAndRecordTimeDeadlinesReadsAsItsWallClockDeadline() throws Exception {
        GatewayLease lease = new ObjectMapper().readValue("{\"deadline\":1767225610000,\"eventDeadline\":1767225609000}", GatewayLease.class);
        assertEquals(1767225610000L, lease.deadline());
    }
}
