package dev.switchboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.PostgresTestResource;
import dev.switchboard.testing.TestTokens;

/**
 * The whole platform for end-to-end tests: a real Kafka broker and a fresh PostgreSQL database, chat, presence and
 * ticker services, and two gateway replicas, each a real process. Started once per test JVM and shared by the
 * test classes; tests that kill or add processes start their own extra replicas.
 */
public final class Platform {

    private static Platform shared;

    private final String kafka;
    private final PostgresTestResource database = new PostgresTestResource();
    private final Map<String, String> databaseConfig;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess chat;
    private final ServiceProcess presence;
    private final ServiceProcess ticker;
    private final List<ServiceProcess> gateways = new ArrayList<>();
    private boolean stopped;

    private Platform() {
        // Registered first, so a platform that fails half-way through starting leaves no process behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-platform-stop"));
        kafka = KafkaTestResource.SharedKafka.bootstrapServers();
        databaseConfig = database.start();
        chat = track(ServiceProcess.start("chat-service", "chat", chatEnv()));
        presence = track(ServiceProcess.start("presence-service", "presence", baseEnv(), streamsState("presence")));
        ticker = track(ServiceProcess.start("ticker-service", "ticker", baseEnv(), streamsState("ticker")));
        gateways.add(startGateway("gateway-a"));
        gateways.add(startGateway("gateway-b"));
    }

    public static synchronized Platform get() {
        if (shared == null) {
            shared = new Platform();
        }
        return shared;
    }

    /** Starts one more gateway replica with its own id; the caller owns its lifecycle. */
    public ServiceProcess startGateway(String replicaId) {
        Map<String, String> env = baseEnv();
        env.put("SWITCHBOARD_GATEWAY_REPLICA_ID", replicaId);
        // No load balancer to wait for here: drain at once when a test stops a replica.
        env.put("SWITCHBOARD_GATEWAY_DRAIN_READINESS_DELAY", "0s");
        env.put("SWITCHBOARD_GATEWAY_CHAT_URL", chat.httpUrl());
        env.put("SWITCHBOARD_GATEWAY_PRESENCE_URL", presence.httpUrl());
        env.put("SWITCHBOARD_GATEWAY_TRANSPORTS_TICKER_URL", ticker.httpUrl());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyPem().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        return track(ServiceProcess.start("gateway-service", replicaId, env));
    }

    public ServiceProcess chat() {
        return chat;
    }

    public ServiceProcess presence() {
        return presence;
    }

    public ServiceProcess gateway(int index) {
        return gateways.get(index);
    }

    private Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        return env;
    }

    private Map<String, String> chatEnv() {
        Map<String, String> env = baseEnv();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", databaseConfig.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", databaseConfig.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", databaseConfig.get("quarkus.datasource.password"));
        return env;
    }

    /** A Kafka Streams state directory of the process's own (kafka-streams.* passes through only as a property). */
    private static List<String> streamsState(String name) {
        try {
            Path state = Files.createDirectories(Path.of("target", "e2e-state")).resolve(name + "-" + System.nanoTime());
            return List.of("-Dkafka-streams.state.dir=" + state.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized ServiceProcess track(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    /** Stops every process at once (each drains gracefully), then drops the database. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<Thread> stopping = processes.stream().map(process -> new Thread(process::close, "stop-" + process.name()))
                .toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join(40_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.stop();
    }
}
