package dev.switchboard.presence.typing;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.presence.config.PresenceConfig;
import dev.switchboard.presence.topology.InputChecks;
import dev.switchboard.presence.topology.PresenceStores;
import dev.switchboard.presence.topology.StoreKeys;

/**
 * Typing indicators of the channels of one partition. An indicator ends by itself {@code typing.expiry} after the
 * user's last active:true (checked by a wall-clock punctuator). In small rooms each start and end is announced, and a
 * repeated active:true within the dedupe window is not. In rooms beyond the large-room threshold, typing is
 * aggregated: at most one update per room per interval, with the count and a bounded sample of who types.
 */
public final class TypingProcessor implements Processor<String, TypingEvent, String, TypingUpdate> {

    private static final Logger LOG = Logger.getLogger(TypingProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final PresenceConfig config;
    private ProcessorContext<String, TypingUpdate> context;
    private KeyValueStore<String, TypingState> typing;
    private KeyValueStore<String, TypingRoom> rooms;
    private KeyValueStore<String, Integer> counts;

    public TypingProcessor(PresenceConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, TypingUpdate> context) {
        this.context = context;
        this.typing = context.getStateStore(PresenceStores.TYPING);
        this.rooms = context.getStateStore(PresenceStores.TYPING_ROOMS);
        this.counts = context.getStateStore(PresenceStores.COUNTS);
        context.schedule(config.typing().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, TypingEvent> record) {
        TypingEvent event = record.value();
        if (event == null) {
            return;
        }
        var problem = InputChecks.typing(record.key(), event);
        if (problem.isPresent()) {
            LOG.warnf("Dropped typing event on key %s: %s", record.key(), problem.get());
            return;
        }
        long now = context.currentSystemTimeMs();
        String channel = event.channel();
        String key = StoreKeys.of(channel, event.userId());
        TypingState state = typing.get(key);
        boolean aggregated = isAggregated(channel);
        if (event.active()) {
            long expiresAt = now + config.typing().expiry().toMillis();
            if (aggregated) {
                typing.put(key, new TypingState(expiresAt, 0));
                if (state == null) {
                    markDirty(channel);
                }
            } else if (state == null || now - state.announcedAt() >= config.typing().dedupeWindow().toMillis()) {
                typing.put(key, new TypingState(expiresAt, now));
                announce(channel, event.userId(), true, now);
            } else {
                typing.put(key, new TypingState(expiresAt, state.announcedAt()));
            }
        } else if (state != null) {
            typing.delete(key);
            if (aggregated) {
                markDirty(channel);
            } else {
                announce(channel, event.userId(), false, now);
            }
        }
    }

    private void tick(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, TypingState> it = typing.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.expiresAt() <= now) {
                    expired.add(entry.key);
                }
            });
        }
        for (String key : expired) {
            typing.delete(key);
            List<String> parts = StoreKeys.split(key);
            String channel = parts.get(0);
            if (isAggregated(channel)) {
                markDirty(channel);
            } else {
                announce(channel, parts.get(1), false, now);
            }
        }
        sendAggregates(now);
    }

    private void sendAggregates(long now) {
        List<KeyValue<String, TypingRoom>> all = new ArrayList<>();
        try (KeyValueIterator<String, TypingRoom> it = rooms.all()) {
            it.forEachRemaining(all::add);
        }
        long interval = config.typing().aggregateInterval().toMillis();
        for (KeyValue<String, TypingRoom> room : all) {
            if (now - room.value.sentAt() < interval) {
                continue;
            }
            String channel = room.key;
            if (room.value.dirty()) {
                List<String> typers = typers(channel);
                forward(new TypingUpdate(channel, null, !typers.isEmpty(), typers.size(), sample(typers), true, now));
                rooms.put(channel, new TypingRoom(false, now));
            } else if (typers(channel).isEmpty()) {
                // Quiet for a whole interval: the room goes back to per-user updates if it has shrunk.
                rooms.delete(channel);
            }
        }
    }

    private boolean isAggregated(String channel) {
        Integer count = counts.get(channel);
        return rooms.get(channel) != null || (count != null && count > config.largeRoomThreshold());
    }

    private void markDirty(String channel) {
        TypingRoom room = rooms.get(channel);
        rooms.put(channel, new TypingRoom(true, room == null ? 0 : room.sentAt()));
    }

    private void announce(String channel, String userId, boolean active, long now) {
        List<String> typers = typers(channel);
        forward(new TypingUpdate(channel, userId, active, typers.size(), sample(typers), false, now));
    }

    private List<String> sample(List<String> typers) {
        return List.copyOf(typers.subList(0, Math.min(typers.size(), config.sampleSize())));
    }

    private List<String> typers(String channel) {
        List<String> users = new ArrayList<>();
        try (KeyValueIterator<String, TypingState> it = typing.prefixScan(StoreKeys.prefix(channel), KEYS)) {
            it.forEachRemaining(entry -> users.add(StoreKeys.last(entry.key)));
        }
        return users;
    }

    private void forward(TypingUpdate update) {
        context.forward(new Record<>(update.channel(), update, update.ts()));
    }
}
