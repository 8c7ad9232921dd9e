package dev.switchboard.presence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.presence.ConnectionEvent;
import dev.switchboard.contracts.presence.GatewayExpiry;
import dev.switchboard.contracts.presence.GatewayHeartbeat;
import dev.switchboard.contracts.presence.PresenceDiff;
import dev.switchboard.contracts.presence.TypingEvent;
import dev.switchboard.contracts.presence.TypingUpdate;
import dev.switchboard.testing.KafkaTestResource;

/**
 * Plays the gateways against the real test broker: produces connection, heartbeat and typing events as JSON, and
 * records every PresenceDiff and TypingUpdate presence-service publishes, by channel. One per test JVM.
 */
public final class PresenceKafka {

    private static PresenceKafka instance;

    public final ObjectMapper mapper = new ObjectMapper();
    private final String bootstrap;
    private final KafkaProducer<String, String> producer;
    private final Map<String, List<PresenceDiff>> diffs = new ConcurrentHashMap<>();
    private final Map<String, List<TypingUpdate>> typing = new ConcurrentHashMap<>();
    private final Map<String, List<GatewayExpiry>> expiries = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    /** Gateways the tests treat as alive: they heart-beat like real replicas for the whole test run. */
    public static final List<String> LIVE_GATEWAYS = List.of("gw-1", "gw-2", "gw-staying", "gw-typing");

    private PresenceKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "presence-test-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.PRESENCE_DIFFS, Topics.PRESENCE_TYPING_UPDATES, Topics.PRESENCE_GATEWAY_EXPIRIES));
        poller = new Thread(() -> poll(consumer), "presence-test-consumer");
        poller.setDaemon(true);
        poller.start();
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "presence-test-heartbeats");
            t.setDaemon(true);
            return t;
        });
        // A throwing run would cancel the schedule silently and "kill" every live gateway: send asynchronously.
        heartbeats.scheduleAtFixedRate(() -> LIVE_GATEWAYS.forEach(g -> heartbeatRecords(g,
                write(new GatewayHeartbeat(g, 10_000, 0, false, System.currentTimeMillis()))).forEach(producer::send)), 0, 2, TimeUnit.SECONDS);
    }

    public static synchronized PresenceKafka get() {
        if (instance == null) {
            instance = new PresenceKafka(KafkaTestResource.SharedKafka.bootstrapServers());
        }
        return instance;
    }

    private void poll(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.PRESENCE_DIFFS)) {
                        diffs.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(read(record.value(), PresenceDiff.class));
                    } else if (record.topic().equals(Topics.PRESENCE_GATEWAY_EXPIRIES)) {
                        expiries.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(read(record.value(), GatewayExpiry.class));
                    } else {
                        typing.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(read(record.value(), TypingUpdate.class));
                    }
                }
            }
        }
    }

    /**
     * The partitions of presence.heartbeats in which a presence-service clock tick (a record with a {@code clock} field)
     * arrives from now on, read until every partition had one or {@code patience} ran out.
     */
    public Set<Integer> clockTickPartitions(Duration patience) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Set<Integer> ticked = new TreeSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, Topics.CHANNEL_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.PRESENCE_HEARTBEATS, p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long giveUp = System.nanoTime() + patience.toNanos();
            while (ticked.size() < partitions.size() && System.nanoTime() < giveUp) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (isClockTick(record.value())) {
                        ticked.add(record.partition());
                    }
                }
            }
        }
        return ticked;
    }

    private boolean isClockTick(String json) {
        try {
            return mapper.readTree(json).has("clock");
        } catch (JsonProcessingException e) {
            return false; // a malformed record a test wrote on purpose
        }
    }

    public List<PresenceDiff> diffs(String channel) {
        return List.copyOf(diffs.getOrDefault(channel, List.of()));
    }

    /** The expiries presence-service published for a gateway (one per channel partition that removed connections). */
    public List<GatewayExpiry> expiries(String gatewayId) {
        return List.copyOf(expiries.getOrDefault(gatewayId, List.of()));
    }

    public List<TypingUpdate> typing(String channel) {
        return List.copyOf(typing.getOrDefault(channel, List.of()));
    }

    public void join(String channel, String user, String connection, String gateway) {
        join(channel, user, connection, gateway, mapper.createObjectNode().put("name", user.toUpperCase()));
    }

    public void join(String channel, String user, String connection, String gateway, JsonNode meta) {
        send(Topics.PRESENCE_CONNECTIONS, channel,
                new ConnectionEvent(ConnectionEvent.Kind.JOIN, channel, user, connection, gateway, meta, System.currentTimeMillis()));
    }

    /** A JOIN without waiting for the broker (bulk load); {@link #flush()} after. */
    public void joinAsync(String channel, String user, String connection, String gateway) {
        joinAsync(channel, user, connection, gateway, null);
    }

    public void joinAsync(String channel, String user, String connection, String gateway, JsonNode meta) {
        producer.send(new ProducerRecord<>(Topics.PRESENCE_CONNECTIONS, channel,
                write(new ConnectionEvent(ConnectionEvent.Kind.JOIN, channel, user, connection, gateway, meta, System.currentTimeMillis()))));
    }

    /** A LEAVE without waiting for the broker (a burst); {@link #flush()} after. */
    public void leaveAsync(String channel, String user, String connection, String gateway) {
        producer.send(new ProducerRecord<>(Topics.PRESENCE_CONNECTIONS, channel,
                write(new ConnectionEvent(ConnectionEvent.Kind.LEAVE, channel, user, connection, gateway, null, System.currentTimeMillis()))));
    }

    public void flush() {
        producer.flush();
    }

    public void leave(String channel, String user, String connection, String gateway) {
        send(Topics.PRESENCE_CONNECTIONS, channel,
                new ConnectionEvent(ConnectionEvent.Kind.LEAVE, channel, user, connection, gateway, null, System.currentTimeMillis()));
    }

    /** Like a gateway: one record to every partition of presence.heartbeats, waiting for the broker. */
    public void heartbeat(String gateway, long leaseMs, boolean stopping) {
        String json = write(new GatewayHeartbeat(gateway, leaseMs, 0, stopping, System.currentTimeMillis()));
        heartbeatRecords(gateway, json).forEach(this::sendAndWait);
    }

    /** A gateway's heartbeat as gateways write it: one record per partition, so every channel partition reads it. */
    public static List<ProducerRecord<String, String>> heartbeatRecords(String gateway, String json) {
        return java.util.stream.IntStream.range(0, Topics.CHANNEL_PARTITIONS)
                .mapToObj(p -> new ProducerRecord<>(Topics.PRESENCE_HEARTBEATS, p, gateway, json)).toList();
    }

    public void typing(String channel, String user, boolean active) {
        send(Topics.PRESENCE_TYPING, channel, new TypingEvent(channel, user, "c-" + user, "gw-typing", active, System.currentTimeMillis()));
    }

    public void send(String topic, String key, Object value) {
        sendRaw(topic, key, write(value));
    }

    public void sendRaw(String topic, String key, String json) {
        sendAndWait(new ProducerRecord<>(topic, key, json));
    }

    private void sendAndWait(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("presence-service published unreadable JSON: " + json, e);
        }
    }

    public static String room() {
        return "room:t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
