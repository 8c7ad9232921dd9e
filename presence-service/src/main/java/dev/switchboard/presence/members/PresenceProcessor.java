package dev.switchboard.presence.members;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.config.PresenceConfig;
import dev.switchboard.presence.leases.GatewayLeases;
import dev.switchboard.presence.leases.PartitionClock;
import dev.switchboard.presence.topology.InputChecks;
import dev.switchboard.presence.topology.PresenceInput;
import dev.switchboard.presence.topology.PresenceOutput;
import dev.switchboard.presence.topology.PresenceStores;

/**
 * Presence of the channels of one partition: applies connection joins and leaves, keeps every gateway's lease (each
 * heartbeat reaches every partition), and removes the connections of a gateway whose lease lapsed or that said it
 * is stopping. Leases lapse by the partition's own clock, the newest time read from its partition of
 * presence.heartbeats (presence-service's ticks every second, the gateways' heartbeats), checked by a wall-clock
 * punctuator: a dead gateway goes while the ticks flow, and nobody is judged while the partition's feed is stalled.
 * Each expiry that removed connections is published (presence.gateway-expiries) so a gateway alive after all can
 * rejoin.
 */
public final class PresenceProcessor implements Processor<String, PresenceInput, String, PresenceOutput> {

    private static final Logger LOG = Logger.getLogger(PresenceProcessor.class);

    private final PresenceConfig config;
    private ProcessorContext<String, PresenceOutput> context;
    private Membership membership;
    private GatewayLeases leases;
    private RoomDiffs diffs;
    private PartitionClock clock;
    /** The partition clock is more than a default lease behind this instance's: said once, until it catches up. */
    private boolean clockBehind;

    public PresenceProcessor(PresenceConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, PresenceOutput> context) {
        this.context = context;
        // Kafka Streams may init the same processor again (a task revived after corruption): the clock starts afresh
        // and is read again from the partition, from where the task resumes.
        this.clock = new PartitionClock(config.lease().clockTolerance().toMillis());
        this.clockBehind = false;
        this.membership = new Membership(context.getStateStore(PresenceStores.MEMBERS), context.getStateStore(PresenceStores.COUNTS),
                context.getStateStore(PresenceStores.GATEWAY_CONNECTIONS));
        this.leases = new GatewayLeases(context.getStateStore(PresenceStores.LEASES), config.lease().defaultLease().toMillis(),
                config.lease().maxLease().toMillis());
        DiffPacing pacing = DiffPacing.of(config);
        this.diffs = new RoomDiffs(context.getStateStore(PresenceStores.PENDING_DIFFS), membership, context, pacing);
        context.schedule(config.lease().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireLapsedLeases);
        context.schedule(Duration.ofMillis(pacing.flushPeriodMs()), PunctuationType.WALL_CLOCK_TIME, diffs::flush);
    }

    @Override
    public void process(Record<String, PresenceInput> record) {
        PresenceInput input = record.value();
        if (input == null) {
            return;
        }
        // The task's time is cached for a whole processing round, which on a loaded machine lasts seconds; the record's
        // own timestamp (when it was sent) is a better lower bound for the real time then.
        long localTime = context.currentSystemTimeMs();
        long now = Math.max(localTime, record.timestamp());
        if (input.connection() != null) {
            connection(record.key(), input.connection(), now, clock.notBefore(record.timestamp(), localTime));
        } else if (input.heartbeat() != null) {
            heartbeat(input.heartbeat(), now, record.timestamp(), localTime);
        } else if (input.tick() != null) {
            clock.read(record.timestamp(), localTime);
        }
    }

    private void connection(String key, ConnectionEvent event, long now, long leaseFrom) {
        var problem = InputChecks.connection(key, event);
        if (problem.isPresent()) {
            LOG.warnf("Dropped connection event on key %s: %s", key, problem.get());
            return;
        }
        String channel = event.channel();
        if (event.kind() == ConnectionEvent.Kind.JOIN) {
            leases.ensure(event.gatewayId(), leaseFrom);
            membership.join(channel, event.userId(), event.connectionId(), event.gatewayId(), event.meta())
                    .ifPresent(member -> diffs.changed(channel, List.of(member), List.of(), now));
        } else {
            membership.leave(channel, event.userId(), event.connectionId())
                    .ifPresent(member -> diffs.changed(channel, List.of(), List.of(member), now));
        }
    }

    private void heartbeat(GatewayHeartbeat heartbeat, long now, long recordTime, long localTime) {
        var problem = InputChecks.heartbeat(heartbeat);
        if (problem.isPresent()) {
            LOG.warnf("Dropped heartbeat: %s", problem.get());
            return;
        }
        // A heartbeat is a time read from the partition too: without any ticker, live gateways still move the clock.
        clock.read(recordTime, localTime);
        if (heartbeat.stopping()) {
            removeGateway(heartbeat.gatewayId(), now, false);
        } else {
            leases.renew(heartbeat, clock.time());
        }
    }

    private void expireLapsedLeases(long now) {
        long time = clock.time();
        if (time == 0) {
            return; // nothing read from the partition yet: no time to judge by
        }
        reportLag(now - time);
        for (String gatewayId : leases.lapsed(time)) {
            // Says which time judged: a false expiry must be explainable from the log.
            LOG.infof("Lease of gateway %s lapsed in partition %d (partition clock %d, %d ms behind this instance's clock)",
                    gatewayId, context.taskId().partition(), time, now - time);
            removeGateway(gatewayId, now, true);
        }
    }

    /** A clock far behind explains why a dead gateway is not expired yet (a stalled feed, a backlog, no ticker). */
    private void reportLag(long behindMs) {
        boolean behind = behindMs > config.lease().defaultLease().toMillis();
        if (behind && !clockBehind) {
            LOG.warnf("Partition %d's clock is %d ms behind this instance's (its feed stalls or lags, or nothing writes to"
                    + " presence.heartbeats): its leases wait until it catches up", context.taskId().partition(), behindMs);
        } else if (!behind && clockBehind) {
            LOG.infof("Partition %d's clock caught up (%d ms behind)", context.taskId().partition(), behindMs);
        }
        clockBehind = behind;
    }

    /** @param lapsed its lease lapsed (rather than it said it is stopping): tell it, in case it is alive after all */
    private void removeGateway(String gatewayId, long now, boolean lapsed) {
        Map<String, List<PresenceMember>> leavesByChannel = new LinkedHashMap<>();
        List<ConnectionRef> connections = membership.connectionsOf(gatewayId);
        for (ConnectionRef ref : connections) {
            membership.leave(ref.channel(), ref.userId(), ref.connectionId())
                    .ifPresent(member -> leavesByChannel.computeIfAbsent(ref.channel(), c -> new ArrayList<>()).add(member));
        }
        leases.end(gatewayId);
        if (!leavesByChannel.isEmpty()) {
            LOG.infof("Gateway %s is gone: %d channel(s) lost users", gatewayId, leavesByChannel.size());
        }
        leavesByChannel.forEach((channel, leaves) -> diffs.changed(channel, List.of(), leaves, now));
        if (lapsed && !connections.isEmpty()) {
            GatewayExpiry expiry = new GatewayExpiry(gatewayId, context.taskId().partition(), connections.size(), now);
            context.forward(new Record<>(gatewayId, PresenceOutput.of(expiry), now));
        }
    }
}
