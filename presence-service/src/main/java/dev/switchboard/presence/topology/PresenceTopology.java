package dev.switchboard.presence.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.presence.config.PresenceConfig;
import dev.switchboard.presence.leases.GatewayLease;
import dev.switchboard.presence.members.MemberState;
import dev.switchboard.presence.members.PendingDiff;
import dev.switchboard.presence.members.PresenceProcessor;
import dev.switchboard.presence.typing.TypingProcessor;
import dev.switchboard.presence.typing.TypingRoom;
import dev.switchboard.presence.typing.TypingState;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The presence topology. Everything runs in sub-topologies partitioned by channel: connection events and typing
 * events arrive keyed by channel, and every gateway writes its heartbeat (and presence-service its clock tick) to
 * every partition of presence.heartbeats, so each channel partition holds every gateway's lease and can drop the
 * connections of a dead gateway by itself.
 * A lease it expires is also published on presence.gateway-expiries, so a gateway that is alive after all can
 * announce its connections again.
 */
@ApplicationScoped
public class PresenceTopology {

    private final PresenceConfig config;
    private final ObjectMapper mapper;
    private final ObjectMapper storeMapper;

    public PresenceTopology(PresenceConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.storeMapper = withoutNameCanonicalization(mapper);
    }

    /**
     * Member records are keyed by connection ids, new on every connect. Jackson keeps every field name it parses in a
     * shared symbol table and copies that table whenever a parse adds a name, so with ids for names every read copied
     * a table of thousands of names: in a 5,000-client reconnect storm that copying was a fifth of presence-service's
     * CPU, and a member list waited behind it. All stores use this mapper, so that no store's names can grow it.
     */
    static ObjectMapper withoutNameCanonicalization(ObjectMapper mapper) {
        return mapper.copyWith(JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());
    }

    @Produces
    @Singleton // no client proxy: KafkaStreams reads the topology's fields directly
    Topology topology() {
        return build();
    }

    /** A new topology each call: one per KafkaStreams instance. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, PresenceInput> connections = builder
                .stream(Topics.PRESENCE_CONNECTIONS, Consumed.with(Serdes.String(), json(ConnectionEvent.class)).withName("connections"))
                .mapValues(PresenceInput::of, Named.as("connection-input"));
        // Each gateway writes its heartbeat, and each presence-service instance its clock tick, to every partition of
        // presence.heartbeats, so the channel task of partition p reads every lease and its clock straight from
        // partition p. No internal hop: a heartbeat task that stalls or moves during a rebalance cannot hold one
        // gateway's heartbeats back while the others' keep arriving.
        KStream<String, PresenceInput> leases = builder
                .stream(Topics.PRESENCE_HEARTBEATS, Consumed.with(Serdes.String(), HeartbeatsInput.serde(mapper)).withName("heartbeats"));
        KStream<String, PresenceOutput> outputs = connections.merge(leases, Named.as("presence-inputs"))
                .process(() -> new PresenceProcessor(config), Named.as("presence"),
                        PresenceStores.MEMBERS, PresenceStores.COUNTS, PresenceStores.GATEWAY_CONNECTIONS,
                        PresenceStores.LEASES, PresenceStores.PENDING_DIFFS);
        outputs.filter((key, output) -> output.diff() != null, Named.as("diff-outputs"))
                .mapValues(PresenceOutput::diff, Named.as("diff-values"))
                .to(Topics.PRESENCE_DIFFS, Produced.with(Serdes.String(), json(PresenceDiff.class)).withName("diffs"));
        outputs.filter((key, output) -> output.expiry() != null, Named.as("expiry-outputs"))
                .mapValues(PresenceOutput::expiry, Named.as("expiry-values"))
                .to(Topics.PRESENCE_GATEWAY_EXPIRIES, Produced.with(Serdes.String(), json(GatewayExpiry.class)).withName("gateway-expiries"));

        builder.stream(Topics.PRESENCE_TYPING, Consumed.with(Serdes.String(), json(TypingEvent.class)).withName("typing"))
                .process(() -> new TypingProcessor(config), Named.as("typing-indicators"),
                        PresenceStores.TYPING, PresenceStores.TYPING_ROOMS, PresenceStores.COUNTS)
                .to(Topics.PRESENCE_TYPING_UPDATES, Produced.with(Serdes.String(), json(TypingUpdate.class)).withName("typing-updates"));
        return builder.build();
    }

    private void addStores(StreamsBuilder builder) {
        store(builder, PresenceStores.MEMBERS, storeJson(MemberState.class));
        store(builder, PresenceStores.COUNTS, Serdes.Integer());
        store(builder, PresenceStores.GATEWAY_CONNECTIONS, Serdes.String());
        store(builder, PresenceStores.LEASES, storeJson(GatewayLease.class));
        store(builder, PresenceStores.PENDING_DIFFS, storeJson(PendingDiff.class));
        store(builder, PresenceStores.TYPING, storeJson(TypingState.class));
        store(builder, PresenceStores.TYPING_ROOMS, storeJson(TypingRoom.class));
    }

    private static <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled());
    }

    public <T> Serde<T> json(Class<T> type) {
        return new ObjectMapperSerde<>(type, mapper);
    }

    private <T> Serde<T> storeJson(Class<T> type) {
        return new ObjectMapperSerde<>(type, storeMapper);
    }
}
