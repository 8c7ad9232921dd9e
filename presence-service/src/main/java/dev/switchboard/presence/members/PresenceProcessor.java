package dev.switchboard.presence.members;

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
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.config.PresenceConfig;
import dev.switchboard.presence.leases.GatewayLeases;
import dev.switchboard.presence.topology.InputChecks;
import dev.switchboard.presence.topology.PresenceInput;
import dev.switchboard.presence.topology.PresenceStores;

/**
 * Presence of the channels of one partition: applies connection joins and leaves, keeps every gateway's lease (each
 * heartbeat reaches every partition), and removes the connections of a gateway whose lease lapsed or that said it
 * is stopping. Lease expiry runs on a wall-clock punctuator, so it works when heartbeats simply stop arriving.
 */
public final class PresenceProcessor implements Processor<String, PresenceInput, String, PresenceDiff> {

    private static final Logger LOG = Logger.getLogger(PresenceProcessor.class);

    private final PresenceConfig config;
    private ProcessorContext<String, PresenceDiff> context;
    private Membership membership;
    private GatewayLeases leases;
    private RoomDiffs diffs;
    private final long lagToleranceMs;
    private long expiryPausedUntil;
    private long lastProcessedAt;
    private long lastCheckAt;
    /** The newest heartbeat record time this task has processed (any gateway). */
    private long heartbeatWatermark;

    public PresenceProcessor(PresenceConfig config) {
        this.config = config;
        this.lagToleranceMs = config.lease().lagTolerance().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, PresenceDiff> context) {
        this.context = context;
        this.membership = new Membership(context.getStateStore(PresenceStores.MEMBERS), context.getStateStore(PresenceStores.COUNTS),
                context.getStateStore(PresenceStores.GATEWAY_CONNECTIONS));
        this.leases = new GatewayLeases(context.getStateStore(PresenceStores.LEASES), config.lease().defaultLease().toMillis(),
                config.lease().maxLease().toMillis());
        this.diffs = new RoomDiffs(context.getStateStore(PresenceStores.PENDING_DIFFS), membership, context,
                config.largeRoomThreshold(), config.sampleSize());
        context.schedule(config.lease().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireLapsedLeases);
        context.schedule(config.largeRoomDiffInterval(), PunctuationType.WALL_CLOCK_TIME, diffs::flush);
    }

    @Override
    public void process(Record<String, PresenceInput> record) {
        PresenceInput input = record.value();
        if (input == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        lastProcessedAt = now;
        if (input.connection() != null) {
            connection(record.key(), input.connection(), now, record.timestamp());
        } else if (input.heartbeat() != null) {
            heartbeat(input.heartbeat(), now, record.timestamp());
        }
    }

    private void connection(String key, ConnectionEvent event, long now, long recordTime) {
        var problem = InputChecks.connection(key, event);
        if (problem.isPresent()) {
            LOG.warnf("Dropped connection event on key %s: %s", key, problem.get());
            return;
        }
        String channel = event.channel();
        if (event.kind() == ConnectionEvent.Kind.JOIN) {
            leases.ensure(event.gatewayId(), now, recordTime);
            membership.join(channel, event.userId(), event.connectionId(), event.gatewayId(), event.meta())
                    .ifPresent(member -> diffs.changed(channel, List.of(member), List.of(), now));
        } else {
            membership.leave(channel, event.userId(), event.connectionId())
                    .ifPresent(member -> diffs.changed(channel, List.of(), List.of(member), now));
        }
    }

    private void heartbeat(GatewayHeartbeat heartbeat, long now, long recordTime) {
        var problem = InputChecks.heartbeat(heartbeat);
        if (problem.isPresent()) {
            LOG.warnf("Dropped heartbeat: %s", problem.get());
            return;
        }
        heartbeatWatermark = Math.max(heartbeatWatermark, recordTime);
        if (heartbeat.stopping()) {
            removeGateway(heartbeat.gatewayId(), now);
        } else {
            leases.renew(heartbeat, now, recordTime);
        }
    }

    private void expireLapsedLeases(long now) {
        if (lastCheckAt == 0) {
            // The first check since this task started running (a start, a restart, a partition taken over): its leases
            // come from the changelog and heartbeats may wait to be read. Give live gateways one default lease to
            // prove themselves before anything restored is declared dead.
            expiryPausedUntil = now + config.lease().defaultLease().toMillis();
        } else if (now - lastCheckAt > lagToleranceMs) {
            // This thread stalled (a rebalance, a long GC, a slow commit): read what is waiting before deciding that
            // anyone's heartbeats stopped.
            expiryPausedUntil = Math.max(expiryPausedUntil, now + lagToleranceMs);
        }
        lastCheckAt = now;
        if (now < expiryPausedUntil) {
            return;
        }
        // Judge by the wall clock when the partition is idle or its heartbeats are current. When it is busy and the
        // heartbeats it has seen are old (they wait in a backlog or in the repartition hop), judge by record time
        // instead: a gateway is dead only once the heartbeats of others have moved a whole lease past its last one.
        boolean idle = now - lastProcessedAt >= lagToleranceMs;
        boolean heartbeatsCurrent = now - heartbeatWatermark < lagToleranceMs;
        boolean byRecordTime = !idle && !heartbeatsCurrent;
        for (String gatewayId : leases.lapsed(byRecordTime ? heartbeatWatermark : now, byRecordTime)) {
            removeGateway(gatewayId, now);
        }
    }

    private void removeGateway(String gatewayId, long now) {
        Map<String, List<PresenceMember>> leavesByChannel = new LinkedHashMap<>();
        for (ConnectionRef ref : membership.connectionsOf(gatewayId)) {
            membership.leave(ref.channel(), ref.userId(), ref.connectionId())
                    .ifPresent(member -> leavesByChannel.computeIfAbsent(ref.channel(), c -> new ArrayList<>()).add(member));
        }
        leases.end(gatewayId);
        if (!leavesByChannel.isEmpty()) {
            LOG.infof("Gateway %s is gone: %d channel(s) lost users", gatewayId, leavesByChannel.size());
        }
        leavesByChannel.forEach((channel, leaves) -> diffs.changed(channel, List.of(), leaves, now));
    }
}
