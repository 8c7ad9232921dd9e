package dev.switchboard.gateway.lifecycle;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.switchboard.gateway.messaging.ConsumerAssignment;
import dev.switchboard.gateway.ticker.LatestTicks;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready when the replica can serve: not draining, its events consumer has its partitions (so fan-out works) and
 * the ticker snapshots are loaded. Kafka connectivity itself is reported by the Kafka and messaging checks.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private final DrainState drain;
    private final ConsumerAssignment assignment;
    private final LatestTicks ticks;

    public GatewayReadiness(DrainState drain, @Identifier(ConsumerAssignment.NAME) ConsumerAssignment assignment,
            LatestTicks ticks) {
        this.drain = drain;
        this.assignment = assignment;
        this.ticks = ticks;
    }

    @Override
    public HealthCheckResponse call() {
        boolean draining = drain.isDraining();
        boolean consuming = assignment.isLive();
        boolean snapshots = ticks.isBootstrapped();
        return HealthCheckResponse.named("gateway")
                .status(!draining && consuming && snapshots)
                .withData("draining", draining)
                .withData("eventsConsumerAssigned", consuming)
                .withData("tickerSnapshotsLoaded", snapshots)
                .build();
    }
}
