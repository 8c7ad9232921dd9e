package dev.switchboard.presence.leases;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.PresenceClockTick;
import dev.switchboard.presence.config.PresenceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes this instance's clock tick to every partition of presence.heartbeats each tick interval: the time by which
 * the channel partitions judge leases ({@link PartitionClock}). It travels through the same partition as the
 * heartbeats, so a partition whose feed stalls reads neither, and judges nobody until it reads on. Every instance
 * ticks; the partitions take the newest time, so one instance that stops ticking changes nothing.
 */
@ApplicationScoped
public class ClockTicker {

    private static final Logger LOG = Logger.getLogger(ClockTicker.class);

    private final MutinyEmitter<PresenceClockTick> emitter;
    private final Vertx vertx;
    private final long intervalMs;
    private final String clock;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long timer = -1;

    public ClockTicker(@Channel("clock-ticks") MutinyEmitter<PresenceClockTick> emitter, Vertx vertx, PresenceConfig config,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") Optional<String> applicationServer) {
        this.emitter = emitter;
        this.vertx = vertx;
        this.intervalMs = config.lease().tickInterval().toMillis();
        this.clock = "presence-service@" + applicationServer.orElse("unknown");
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(intervalMs, id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    void tick() {
        long now = System.currentTimeMillis();
        PresenceClockTick tick = new PresenceClockTick(clock, now);
        for (int partition = 0; partition < Topics.CHANNEL_PARTITIONS; partition++) {
            // The record time is what the partitions read: it must be the tick's own time, not when it left the buffer.
            Message<PresenceClockTick> message = Message.of(tick).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withPartition(partition).withKey(clock).withTimestamp(Instant.ofEpochMilli(now)).build());
            emitter.sendMessage(message).subscribe().with(ignored -> delivered(), this::failed);
        }
    }

    private void delivered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Clock ticks are delivered again");
        }
    }

    /** A lost tick costs nothing (the next one follows); a ticker that keeps failing is worth one warning. */
    private void failed(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Clock tick not delivered (partitions then tell time by the other instances' ticks and the gateways' heartbeats): %s",
                    failure.toString());
        }
    }
}
