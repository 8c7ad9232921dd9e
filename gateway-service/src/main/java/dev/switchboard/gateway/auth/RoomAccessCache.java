package dev.switchboard.gateway.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.switchboard.gateway.chat.RoomAccess;

/**
 * A bounded (LRU) cache of room access answers with a TTL, dropped per room when chat.membership says the room or
 * its members changed. A read that started before an invalidation is not cached (per-room generation check), so a
 * stale answer cannot outlive the event that invalidated it.
 */
final class RoomAccessCache {

    private record Key(String roomId, String userId) {
    }

    private record Entry(RoomAccess access, long expiresAt) {
    }

    private final long ttlMs;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final LinkedHashMap<Key, Entry> entries;

    RoomAccessCache(long ttlMs, int maxEntries, LongSupplier clock) {
        this.ttlMs = ttlMs;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > RoomAccessCache.this.maxEntries;
            }
        };
    }

    synchronized RoomAccess get(String roomId, String userId) {
        Key key = new Key(roomId, userId);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() <= clock.getAsLong()) {
            entries.remove(key);
            return null;
        }
        return entry.access();
    }

    /** The room's generation now, to pass back to {@link #put} when the read completes. */
    long generation(String roomId) {
        return generations.computeIfAbsent(roomId, id -> new AtomicLong()).get();
    }

    synchronized void put(String roomId, String userId, RoomAccess access, long generationAtRead) {
        if (generation(roomId) != generationAtRead) {
            return;
        }
        entries.put(new Key(roomId, userId), new Entry(access, clock.getAsLong() + ttlMs));
    }

    synchronized void invalidate(String roomId) {
        generations.computeIfAbsent(roomId, id -> new AtomicLong()).incrementAndGet();
        entries.keySet().removeIf(key -> key.roomId().equals(roomId));
    }

    synchronized int size() {
        return entries.size();
    }
}
