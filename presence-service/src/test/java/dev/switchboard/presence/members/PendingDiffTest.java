package dev.switchboard.presence.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.presence.PresenceMember;

/** What a window of changes adds up to: the net change of each user since the room's last diff. */
class PendingDiffTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int LIMIT = 200;

    @Test
    void aUserWhoJoinsAndLeavesWithinTheWindowDropsOut() {
        PendingDiff diff = PendingDiff.window(1).with(List.of(member("ann", 1)), List.of(), LIMIT).with(List.of(), List.of(gone("ann")), LIMIT);
        assertFalse(diff.hasChanges());
        assertTrue(diff.exact());
    }

    @Test
    void aUserWhoLeavesAndComesBackIsAJoinWithTheirNewMeta() {
        PendingDiff diff = PendingDiff.window(1).with(List.of(), List.of(gone("bob")), LIMIT).with(List.of(member("bob", 2)), List.of(), LIMIT);
        assertEquals(List.of(member("bob", 2)), diff.joins());
        assertEquals(List.of(), diff.departed());
    }

    @Test
    void aUserWhoLeavesComesBackAndLeavesAgainHasLeft() {
        PendingDiff diff = PendingDiff.window(1)
                .with(List.of(), List.of(gone("cid")), LIMIT)
                .with(List.of(member("cid", 2)), List.of(), LIMIT)
                .with(List.of(), List.of(gone("cid")), LIMIT);
        assertEquals(List.of(), diff.joins());
        assertEquals(List.of("cid"), names(diff.departed()));
        // ...and back once more: a join again.
        diff = diff.with(List.of(member("cid", 3)), List.of(), LIMIT);
        assertEquals(List.of(member("cid", 3)), diff.joins());
        assertEquals(List.of(), diff.departed());
    }

    @Test
    void aUserWhoJoinsLeavesAndJoinsAgainIsOneJoin() {
        PendingDiff diff = PendingDiff.window(1)
                .with(List.of(member("dee", 1)), List.of(), LIMIT)
                .with(List.of(), List.of(gone("dee")), LIMIT)
                .with(List.of(member("dee", 2)), List.of(), LIMIT);
        assertEquals(List.of(member("dee", 2)), diff.joins());
        assertEquals(List.of(), diff.departed());
    }

    @Test
    void everyChangeIsKeptUpToTheLimitAndBeyondItTheDiffIsNoLongerExact() {
        List<PresenceMember> five = List.of(member("u1", 1), member("u2", 1), member("u3", 1), member("u4", 1), member("u5", 1));
        PendingDiff full = PendingDiff.window(1).with(five, List.of(), 5);
        assertEquals(five, full.joins());
        assertTrue(full.exact());
        PendingDiff over = full.with(List.of(member("u6", 1)), List.of(gone("x1")), 5);
        assertEquals(five, over.joins());
        assertEquals(List.of("x1"), names(over.departed()));
        assertFalse(over.exact(), "u6 did not fit");
    }

    @Test
    void aReturnThatDoesNotFitHidesTheLeaveToo() {
        PendingDiff diff = PendingDiff.window(1)
                .with(List.of(member("u1", 1)), List.of(gone("eve")), 1)
                .with(List.of(member("eve", 2)), List.of(), 1);
        assertEquals(List.of(), diff.departed(), "eve is back: she must not be shown as gone");
        assertFalse(diff.exact());
    }

    @Test
    void aRecordWrittenBeforeWindowsIsADueSample() throws Exception {
        PendingDiff old = MAPPER.readValue("{\"joins\":[{\"userId\":\"fay\",\"meta\":null}],\"leaves\":[{\"userId\":\"gus\",\"meta\":null}]}",
                PendingDiff.class);
        assertEquals(List.of("fay"), names(old.joins()));
        assertEquals(List.of("gus"), names(old.departed()));
        assertEquals(0, old.flushAt(), "due at once");
        assertFalse(old.exact(), "large rooms' samples were all there was");
    }

    @Test
    void aWindowSurvivesTheChangelog() throws Exception {
        PendingDiff diff = PendingDiff.window(1_767_225_600_250L).with(List.of(member("hal", 1)), List.of(gone("ivy")), LIMIT);
        String json = MAPPER.writeValueAsString(diff);
        PendingDiff read = MAPPER.readValue(json, PendingDiff.class);
        assertEquals(json, MAPPER.writeValueAsString(read));
        assertEquals(diff.flushAt(), read.flushAt());
        assertTrue(read.exact());
        assertEquals(List.of("hal"), names(read.joins()));
        assertEquals(List.of("ivy"), names(read.departed()));
    }

    static PresenceMember member(String userId, int version) {
        return new PresenceMember(userId, MAPPER.createObjectNode().put("v", version));
    }

    static PresenceMember gone(String userId) {
        return new PresenceMember(userId, null);
    }

    static List<String> names(List<PresenceMember> members) {
        return members.stream().map(PresenceMember::userId).toList();
    }
}
