package dev.switchboard.presence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Kafka Streams advertises {@code application.server} (host:port) before the HTTP server starts, so a test cannot use
 * port 0 for it: this picks a free random port and gives it to both.
 */
public class HttpPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = freePort();
        return Map.of(
                "quarkus.http.test-port", String.valueOf(port),
                "quarkus.kafka-streams.application-server", "127.0.0.1:" + port);
    }

    @Override
    public void stop() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
