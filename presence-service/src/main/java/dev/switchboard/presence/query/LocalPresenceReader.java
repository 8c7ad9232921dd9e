package dev.switchboard.presence.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.switchboard.contracts.presence.RoomPresence;
import dev.switchboard.presence.members.MemberState;
import dev.switchboard.presence.topology.PresenceStores;
import dev.switchboard.presence.topology.StoreKeys;

/** Reads a channel's presence from this instance's stores (interactive queries on one partition). */
final class LocalPresenceReader {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final int limit;

    LocalPresenceReader(KafkaStreams streams, int limit) {
        this.streams = streams;
        this.limit = limit;
    }

    /** @throws org.apache.kafka.streams.errors.InvalidStateStoreException when the partition is not served here (now) */
    RoomPresence read(String channel, int partition) {
        ReadOnlyKeyValueStore<String, MemberState> members = streams.store(StoreQueryParameters
                .fromNameAndType(PresenceStores.MEMBERS, QueryableStoreTypes.<String, MemberState>keyValueStore())
                .withPartition(partition));
        ReadOnlyKeyValueStore<String, Integer> counts = streams.store(StoreQueryParameters
                .fromNameAndType(PresenceStores.COUNTS, QueryableStoreTypes.<String, Integer>keyValueStore())
                .withPartition(partition));
        List<RoomPresence.Member> listed = new ArrayList<>();
        try (KeyValueIterator<String, MemberState> it = members.prefixScan(StoreKeys.prefix(channel), KEYS)) {
            while (it.hasNext() && listed.size() < limit) {
                var entry = it.next();
                listed.add(new RoomPresence.Member(StoreKeys.last(entry.key), entry.value.meta(), entry.value.connections().size()));
            }
        }
        Integer stored = counts.get(channel);
        int count = stored == null ? 0 : stored;
        return new RoomPresence(channel, count, listed, count > listed.size());
    }
}
