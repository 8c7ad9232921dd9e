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
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceMember;
import dev.switchboard.presence.config.PresenceConfig;
import dev.switchboard.presence.leases.GatewayLeases;
import dev.switchboard.presence.topology.InputChecks;
import dev.switchboard.presence.topology.PresenceInput;
import dev.switchboard.presence.topology.PresenceOutput;
import dev.switchboard.presence.topology.PresenceStores;

/**
 * Presence of the channels of one partition: applies connection joins and leaves, keeps every gateway's lease (each
 * heartbeat reaches every partition), and removes the connections of a gateway whose lease lapsed or that said it
 * is stopping. Lease expiry runs on a wall-clock punctuator, so it works when heartbeats simply stop arriving; each
 * expiry that removed connections is published (presence.gateway-expiries) so a gateway alive after all can rejoin.
 */
public final class PresenceProcessor implements Processor<String, PresenceInput, String, PresenceOutput> {

    private static final Logger LOG = Logger.getLogger(PresenceProcessor.class);

    private final PresenceConfig config;
    private ProcessorContext<String, PresenceOutput> context;
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
    public void init(ProcessorContext<String, PresenceOutput> context) {
        this.context = context;
        // Kafka Streams may init the same processor again (a task revived after corruption): start afresh, so its
        // first check gives live gateways a whole lease to prove themselves, as on any start.
        this.expiryPausedUntil = 0;
        this.lastProcessedAt = 0;
        this.lastCheckAt = 0;
        this.heartbeatWatermark = 0;
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
        // The task's time is cached for a whole processing round, which on a loaded machine lasts seconds: a record
        // processed late in the round would renew a lease from a stale "now" (a shorter lease) and make the task look
        // idle. The record's own timestamp (when the gateway sent it) is a better lower bound for the real time then.
        long now = Math.max(context.currentSystemTimeMs(), record.timestamp());
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
            removeGateway(heartbeat.gatewayId(), now, false);
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
            // Says which rule judged, with its inputs: a false expiry must be explainable from the log.
            LOG.infof("Lease of gateway %s lapsed in partition %d (by %s; last record processed %d ms ago, newest heartbeat %d ms old)",
                    gatewayId, context.taskId().partition(), byRecordTime ? "record time" : "wall clock", now - lastProcessedAt,
                    now - heartbeatWatermark);
            removeGateway(gatewayId, now, true);
        }
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
