package dev.switchboard.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(3, 2, now::get);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        now.addAndGet(499_000_000L);
        assertFalse(bucket.tryTake());
        now.addAndGet(2_000_000L);
        assertTrue(bucket.tryTake());
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryTake());
        }
        assertFalse(bucket.tryTake());
    }
}
