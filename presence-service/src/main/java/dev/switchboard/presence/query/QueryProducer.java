package dev.switchboard.presence.query;

import java.net.http.HttpClient;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.presence.config.PresenceConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the presence query to this instance's Kafka Streams and its advertised {@code application.server}. */
@ApplicationScoped
class QueryProducer {

    @Produces
    @Singleton
    RoomPresenceQuery roomPresenceQuery(KafkaStreams streams, PresenceConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") Optional<String> applicationServer) {
        String server = applicationServer.orElseThrow(() -> new ConfigurationException(
                "quarkus.kafka-streams.application-server must be set (host:port of this instance) for cross-instance reads"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.query().remoteTimeout()).build();
        return new RoomPresenceQuery(streams, HostInfo.buildFromEndpoint(server), config.readLimit(), http, mapper,
                config.query().remoteTimeout());
    }
}
