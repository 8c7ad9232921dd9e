package dev.switchboard.presence.members;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.topology.StoreKeys;

/**
 * Who is present in the channels of one partition, with which connections. A user joins on their first connection
 * and leaves with their last: only those two moments are reported.
 */
public final class Membership {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, MemberState> members;
    private final KeyValueStore<String, Integer> counts;
    private final KeyValueStore<String, String> gatewayConnections;

    public Membership(KeyValueStore<String, MemberState> members, KeyValueStore<String, Integer> counts,
            KeyValueStore<String, String> gatewayConnections) {
        this.members = members;
        this.counts = counts;
        this.gatewayConnections = gatewayConnections;
    }

    /** Adds a connection; answers the member when this is the user's first connection in the channel. */
    public Optional<PresenceMember> join(String channel, String userId, String connectionId, String gatewayId, JsonNode meta) {
        String key = StoreKeys.of(channel, userId);
        MemberState state = members.get(key);
        Map<String, String> connections = state == null ? new HashMap<>() : new HashMap<>(state.connections());
        String previousGateway = connections.put(connectionId, gatewayId);
        if (previousGateway != null && !previousGateway.equals(gatewayId)) {
            gatewayConnections.delete(StoreKeys.of(previousGateway, channel, userId, connectionId));
        }
        members.put(key, new MemberState(meta, connections));
        gatewayConnections.put(StoreKeys.of(gatewayId, channel, userId, connectionId), "");
        if (state != null) {
            return Optional.empty();
        }
        counts.put(channel, count(channel) + 1);
        return Optional.of(new PresenceMember(userId, meta));
    }

    /** Removes a connection; answers the member when it was the user's last connection in the channel. */
    public Optional<PresenceMember> leave(String channel, String userId, String connectionId) {
        String key = StoreKeys.of(channel, userId);
        MemberState state = members.get(key);
        if (state == null || !state.connections().containsKey(connectionId)) {
            return Optional.empty();
        }
        Map<String, String> connections = new HashMap<>(state.connections());
        String gatewayId = connections.remove(connectionId);
        gatewayConnections.delete(StoreKeys.of(gatewayId, channel, userId, connectionId));
        if (!connections.isEmpty()) {
            members.put(key, new MemberState(state.meta(), connections));
            return Optional.empty();
        }
        members.delete(key);
        int remaining = count(channel) - 1;
        if (remaining > 0) {
            counts.put(channel, remaining);
        } else {
            counts.delete(channel);
        }
        return Optional.of(new PresenceMember(userId, null));
    }

    public int count(String channel) {
        Integer count = counts.get(channel);
        return count == null ? 0 : count;
    }

    /** Every connection a gateway has in this partition's channels. */
    public List<ConnectionRef> connectionsOf(String gatewayId) {
        List<ConnectionRef> refs = new ArrayList<>();
        try (KeyValueIterator<String, String> it = gatewayConnections.prefixScan(StoreKeys.prefix(gatewayId), KEYS)) {
            while (it.hasNext()) {
                List<String> parts = StoreKeys.split(it.next().key);
                refs.add(new ConnectionRef(parts.get(1), parts.get(2), parts.get(3)));
            }
        }
        return refs;
    }
}
