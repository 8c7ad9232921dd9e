package dev.switchboard.presence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.switchboard.presence.query.RoomPresenceQuery;
import dev.switchboard.problem.Problem;
import dev.switchboard.problem.ProblemException;
import dev.switchboard.testing.KafkaTestResource;

/**
 * A second presence-service instance in the test JVM: the same topology and application id (so it takes over part
 * of the partitions), a fresh state directory (so its stores come from the changelogs), and a small HTTP server
 * answering GET /v1/rooms/{id}/presence with the same query code as the Quarkus instance.
 */
final class SecondInstance implements AutoCloseable {

    final KafkaStreams streams;
    final HostInfo host;
    private final HttpServer server;
    private final ObjectMapper mapper;
    private final RoomPresenceQuery query;

    SecondInstance(Topology topology, ObjectMapper mapper, String applicationId) {
        this.mapper = mapper;
        this.host = new HostInfo("127.0.0.1", HttpPortResource.freePort());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.SharedKafka.bootstrapServers());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kafka-streams", "second-" + UUID.randomUUID()).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1000");
        props.put(StreamsConfig.METADATA_MAX_AGE_CONFIG, "1000");
        streams = new KafkaStreams(topology, props);
        query = new RoomPresenceQuery(streams, host, 1000, HttpClient.newHttpClient(), mapper, Duration.ofSeconds(5));
        try {
            server = HttpServer.create(new InetSocketAddress(host.host(), host.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/rooms/", this::presence);
        server.start();
        streams.start();
    }

    URI uri(String roomId) {
        return URI.create("http://" + host.host() + ":" + host.port() + "/v1/rooms/" + roomId + "/presence");
    }

    private void presence(HttpExchange exchange) throws IOException {
        String roomId = exchange.getRequestURI().getPath().split("/")[3];
        boolean internal = String.valueOf(exchange.getRequestURI().getQuery()).contains(RoomPresenceQuery.INTERNAL_PARAM + "=true");
        int status = 200;
        Object body;
        try {
            body = query.presence(roomId, internal).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            ProblemException problem = e.getCause() instanceof ProblemException p ? p : new ProblemException(500, "internal", "failed");
            status = problem.status();
            body = Problem.of(problem.status(), problem.code(), problem.getMessage());
        } catch (InterruptedException | TimeoutException e) {
            status = 503;
            body = Problem.of(503, "unavailable", "timed out");
        }
        byte[] json = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : Problem.MEDIA_TYPE);
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        // Leave the group at once so the remaining instance takes the partitions back without a session timeout.
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
    }
}
