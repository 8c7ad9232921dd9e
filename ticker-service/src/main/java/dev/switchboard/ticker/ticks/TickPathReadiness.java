package dev.switchboard.ticker.ticks;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready once every symbol's seq has been recovered (the publisher exists only then) and Kafka has accepted ticks
 * lately. Beside it, Quarkus reports the Kafka connection and the Kafka Streams topics.
 */
@Readiness
@ApplicationScoped
public class TickPathReadiness implements HealthCheck {

    private static final long RECENT_FAILURE_MS = 30_000;

    private final TickPublisher publisher;

    public TickPathReadiness(TickPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        long lastFailure = publisher.lastFailureAt();
        boolean failing = lastFailure > 0 && System.currentTimeMillis() - lastFailure < RECENT_FAILURE_MS;
        return HealthCheckResponse.named("ticker tick path")
                .status(!failing)
                .withData("published", publisher.sentCount())
                .withData("failedRecords", publisher.failedCount())
                .build();
    }
}
