package dev.switchboard.ticker.ticks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Reads every symbol's latest tick ({@link SnapshotReader}) on a thread of its own from the first moment of start-up,
 * so that the Kafka round trips it waits on overlap with the rest of the start (Kafka Streams, the HTTP server)
 * instead of following it; the publisher waits for the result. It was a sixth of ticker-service's time to ready.
 */
@ApplicationScoped
public class SnapshotRecovery {

    private final TickKafkaConfig config;
    private final String bootstrapServers;
    private final TickEncoder encoder;
    private CompletableFuture<Recovery> recovery;

    public SnapshotRecovery(TickKafkaConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            TickEncoder encoder) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.encoder = encoder;
    }

    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        start();
    }

    /** Blocks until recovery ends, and fails as {@link SnapshotReader} does. */
    public Recovery recovery() {
        try {
            return start().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private synchronized CompletableFuture<Recovery> start() {
        if (recovery == null) {
            CompletableFuture<Recovery> future = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    future.complete(new SnapshotReader(bootstrapServers, encoder, config.recoveryTimeout(),
                            config.recoveryTailRecords()).read());
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }, "ticker-snapshot-recovery");
            reader.setDaemon(true);
            reader.start();
            recovery = future;
        }
        return recovery;
    }
}
