package dev.switchboard.gateway.fanout;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Every open client connection of this replica, whatever its transport: for limits, heartbeats and the drain. */
@ApplicationScoped
public class LocalConnections {

    private final Map<String, GatewayConnection> byId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    public void add(GatewayConnection connection) {
        byId.put(connection.id(), connection);
    }

    /** Counts an authenticated connection of its user; false (and not counted) if the user already has {@code max}. */
    public boolean claimUserSlot(String userId, int max) {
        AtomicInteger count = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
        while (true) {
            int current = count.get();
            if (current >= max) {
                return false;
            }
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void releaseUserSlot(String userId) {
        perUser.computeIfPresent(userId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public void remove(String connectionId) {
        byId.remove(connectionId);
    }

    public int count() {
        return byId.size();
    }

    public Collection<GatewayConnection> all() {
        return List.copyOf(byId.values());
    }
}
