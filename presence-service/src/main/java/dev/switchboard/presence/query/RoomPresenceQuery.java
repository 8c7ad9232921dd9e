package dev.switchboard.presence.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.presence.RoomPresence;
import dev.switchboard.presence.topology.PresenceStores;
import dev.switchboard.problem.ProblemException;

/**
 * Answers a room's presence from whichever instance owns the room's partition: from the local stores when that is
 * this instance, otherwise over HTTP from the owner's same endpoint with {@code internal=true}, which the owner
 * answers locally only (no forwarding loops while partitions move).
 */
public final class RoomPresenceQuery {

    public static final String INTERNAL_PARAM = "internal";
    private static final Logger LOG = Logger.getLogger(RoomPresenceQuery.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalPresenceReader local;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public RoomPresenceQuery(KafkaStreams streams, HostInfo self, int limit, HttpClient http, ObjectMapper mapper, Duration timeout) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalPresenceReader(streams, limit);
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    public CompletionStage<RoomPresence> presence(String roomId, boolean internal) {
        String channel = "room:" + roomId;
        KeyQueryMetadata owner = streams.queryMetadataForKey(PresenceStores.COUNTS, channel, KEYS);
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            return CompletableFuture.failedFuture(unavailable("Presence state is not available yet"));
        }
        if (internal || self.equals(owner.activeHost())) {
            try {
                return CompletableFuture.completedFuture(local.read(channel, owner.partition()));
            } catch (InvalidStateStoreException e) {
                return CompletableFuture.failedFuture(unavailable("Presence state of this room is moving between instances"));
            }
        }
        return remote(owner.activeHost(), roomId);
    }

    private CompletionStage<RoomPresence> remote(HostInfo owner, String roomId) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/v1/rooms/" + roomId + "/presence?" + INTERNAL_PARAM + "=true");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                LOG.warnf("Presence read from %s failed: %s", uri, failure.toString());
                throw unavailable("The instance holding this room did not answer");
            }
            if (response.statusCode() != 200) {
                LOG.warnf("Presence read from %s answered %d", uri, response.statusCode());
                throw unavailable("The instance holding this room could not answer");
            }
            try {
                return mapper.readValue(response.body(), RoomPresence.class);
            } catch (java.io.IOException e) {
                LOG.warnf("Presence read from %s returned an unreadable body: %s", uri, e.getMessage());
                throw unavailable("The instance holding this room gave an unreadable answer");
            }
        });
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", detail);
    }
}
