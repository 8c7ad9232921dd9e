package dev.switchboard.presence.health;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready while Kafka Streams runs (a rebalance is a normal, short part of running: readiness stays up so the whole
 * fleet does not leave the load balancer at once). Down before start, while shutting down and after an error.
 */
@Readiness
@ApplicationScoped
public class StreamsReadinessCheck implements HealthCheck {

    private final KafkaStreams streams;

    public StreamsReadinessCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("presence-streams")
                .status(state.isRunningOrRebalancing())
                .withData("state", state.name())
                .build();
    }
}
