package dev.switchboard.chat.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.switchboard.chat.commands.CommandConsumer;
import dev.switchboard.chat.commands.CommandConsumers;
import dev.switchboard.chat.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready when the command consumer runs and its last batch was committed, and the outbox relay's last round worked.
 * The broker and the database themselves are checked by the Kafka and datasource readiness checks.
 */
@Readiness
@ApplicationScoped
public class CommandPathReadiness implements HealthCheck {

    private final CommandConsumers consumers;
    private final OutboxRelay relay;

    public CommandPathReadiness(CommandConsumers consumers, OutboxRelay relay) {
        this.consumers = consumers;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("chat-command-path").up();
        CommandConsumer consumer = consumers.main();
        if (consumer != null) {
            response.withData("consumer", consumer.isRunning() ? "running" : "stopped");
            if (!consumer.isRunning() || consumer.lastFailure() != null) {
                response.down().withData("consumerFailure", String.valueOf(consumer.lastFailure()));
            }
        } else {
            response.withData("consumer", "disabled");
        }
        response.withData("outboxRelay", relay.isLeader() ? "leader" : "standby");
        if (relay.lastFailure() != null) {
            response.down().withData("outboxFailure", relay.lastFailure());
        }
        return response.build();
    }
}
