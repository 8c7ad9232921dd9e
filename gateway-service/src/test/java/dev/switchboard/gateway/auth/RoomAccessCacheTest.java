package dev.switchboard.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.switchboard.gateway.chat.RoomAccess;

class RoomAccessCacheTest {

    private static RoomAccess access(String room) {
        return new RoomAccess(room, true, "PRIVATE", true, "member", 3);
    }

    @Test
    void entriesExpireAfterTheTtl() {
        AtomicLong now = new AtomicLong();
        RoomAccessCache cache = new RoomAccessCache(1000, 10, now::get);
        cache.put("r", "u", access("r"), cache.generation("r"));
        now.set(999);
        assertNotNull(cache.get("r", "u"));
        now.set(1000);
        assertNull(cache.get("r", "u"));
    }

    @Test
    void theCacheIsBoundedLeastRecentlyUsedFirst() {
        RoomAccessCache cache = new RoomAccessCache(60_000, 2, () -> 0);
        cache.put("a", "u", access("a"), cache.generation("a"));
        cache.put("b", "u", access("b"), cache.generation("b"));
        cache.get("a", "u");
        cache.put("c", "u", access("c"), cache.generation("c"));
        assertEquals(2, cache.size());
        assertNotNull(cache.get("a", "u"));
        assertNull(cache.get("b", "u"));
    }

    @Test
    void aReadStartedBeforeAnInvalidationIsNotCached() {
        RoomAccessCache cache = new RoomAccessCache(60_000, 10, () -> 0);
        long before = cache.generation("r");
        cache.put("r", "u", access("r"), before);
        cache.invalidate("r");
        assertNull(cache.get("r", "u"));
        cache.put("r", "v", access("r"), before);
        assertNull(cache.get("r", "v"));
    }
}
