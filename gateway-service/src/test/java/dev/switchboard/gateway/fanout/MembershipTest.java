package dev.switchboard.gateway.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;

/** The resume gate: held events, seq dedupe, gap detection. */
class MembershipTest {

    private static final class Recorder implements Subscriber {
        final List<Long> seqs = new ArrayList<>();

        @Override
        public String id() {
            return "c1";
        }

        @Override
        public Identity identity() {
            return Identity.anonymous();
        }

        @Override
        public void deliver(ChannelEvent event) {
            seqs.add(event.seq());
        }

        @Override
        public Uni<Void> awaitCapacity(int frames) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public void warn(String channel, ProtocolException problem) {
        }

        @Override
        public void revoked(String channel, ProtocolException reason) {
        }
    }

    private static ChannelEvent event(long seq) {
        return new ChannelEvent("room:r", seq, false, null, JsonNodeFactory.instance.objectNode(), "{}");
    }

    @Test
    void liveEventsWaitForTheReplayAndDuplicatesAreDropped() {
        Recorder recorder = new Recorder();
        Membership membership = new Membership(recorder, "room:r", true, 100);
        membership.positionAt(2);
        membership.offer(event(4));
        membership.offer(event(5));
        membership.replay(event(3));
        membership.replay(event(4));
        assertTrue(membership.tryGoLive());
        membership.offer(event(5));
        membership.offer(event(6));
        assertEquals(List.of(3L, 4L, 5L, 6L), recorder.seqs);
    }

    @Test
    void heldEventsBeyondTheReplayKeepTheGateClosed() {
        Recorder recorder = new Recorder();
        Membership membership = new Membership(recorder, "room:r", true, 100);
        membership.positionAt(2);
        membership.offer(event(5));
        membership.replay(event(3));
        assertFalse(membership.tryGoLive());
        membership.replay(event(4));
        assertTrue(membership.tryGoLive());
        assertEquals(List.of(3L, 4L, 5L), recorder.seqs);
    }

    @Test
    void aLiveGapAsksForACatchUpOnce() {
        Recorder recorder = new Recorder();
        Membership membership = new Membership(recorder, "room:r", true, 100);
        membership.positionAt(1);
        membership.tryGoLive();
        assertFalse(membership.offer(event(2)));
        assertTrue(membership.offer(event(4)));
        assertFalse(membership.offer(event(5)));
        assertTrue(membership.needsCatchUp());
        membership.replay(event(3));
        assertTrue(membership.tryGoLive());
        assertEquals(List.of(2L, 3L, 4L, 5L), recorder.seqs);
    }

    @Test
    void aHeldBufferThatOverflowsIsReadFromHistoryInstead() {
        Recorder recorder = new Recorder();
        Membership membership = new Membership(recorder, "room:r", true, 2);
        membership.positionAt(0);
        for (long seq = 1; seq <= 5; seq++) {
            membership.offer(event(seq));
        }
        assertFalse(membership.tryGoLive());
        for (long seq = 1; seq <= 4; seq++) {
            membership.replay(event(seq));
        }
        assertTrue(membership.tryGoLive());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), recorder.seqs);
    }
}
