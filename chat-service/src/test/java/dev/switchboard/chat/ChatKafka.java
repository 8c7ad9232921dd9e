package dev.switchboard.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.contracts.chat.MembershipEvent;
import dev.switchboard.testing.KafkaTestResource;

/**
 * The test's side of Kafka: a producer of chat commands (and of raw bytes, for poison records) and a recorder of
 * everything chat-service emits, read from the end of each topic as of its creation.
 */
public final class ChatKafka implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    public final String replyTo = "test-gw-" + UUID.randomUUID().toString().substring(0, 8);
    public final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    public final List<ChatReply> replies = new CopyOnWriteArrayList<>();
    public final List<MembershipEvent> membership = new CopyOnWriteArrayList<>();
    public final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    public ChatKafka() {
        producer = newProducer();
        consumer = consumerAtEnd(List.of(Topics.CHAT_EVENTS, Topics.CHAT_REPLIES, Topics.CHAT_MEMBERSHIP,
                Topics.CHAT_COMMANDS_DLQ), 8 * 2 + 4 + 1);
        reader = new Thread(this::read, "chat-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static KafkaProducer<String, byte[]> newProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.SharedKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(props);
    }

    /** A consumer of its own group, positioned at the end of the topics once all their partitions are assigned. */
    static KafkaConsumer<String, byte[]> consumerAtEnd(List<String> topics, int partitions) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chat-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
        // Wait for the assignment so that nothing emitted after this returns is missed.
        while (consumer.assignment().size() < partitions) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    switch (record.topic()) {
                        case Topics.CHAT_EVENTS -> events.add(MAPPER.readValue(record.value(), ChatEvent.class));
                        case Topics.CHAT_REPLIES -> replies.add(MAPPER.readValue(record.value(), ChatReply.class));
                        case Topics.CHAT_MEMBERSHIP ->
                            membership.add(MAPPER.readValue(record.value(), MembershipEvent.class));
                        case Topics.CHAT_COMMANDS_DLQ -> deadLetters.add(record);
                        default -> {
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                throw new IllegalStateException(e);
            }
        } finally {
            consumer.close();
        }
    }

    public static JsonNode text(String text) {
        return JsonNodeFactory.instance.objectNode().put("text", text);
    }

    public ChatCommand publish(String room, String user, String msgId, String text) {
        return new ChatCommand(ChatCommand.Kind.PUBLISH, UUID.randomUUID().toString(), replyTo, room, user, msgId,
                null, text(text), System.currentTimeMillis());
    }

    public ChatCommand edit(String room, String user, String messageId, String text) {
        return new ChatCommand(ChatCommand.Kind.EDIT, UUID.randomUUID().toString(), replyTo, room, user, null,
                messageId, text(text), System.currentTimeMillis());
    }

    public ChatCommand delete(String room, String user, String messageId) {
        return new ChatCommand(ChatCommand.Kind.DELETE, UUID.randomUUID().toString(), replyTo, room, user, null,
                messageId, null, System.currentTimeMillis());
    }

    /** Sends and waits for the broker's ack; returns where the command was written. */
    public RecordMetadata send(ChatCommand command) {
        try {
            return sendRaw(command.roomId(), MAPPER.writeValueAsBytes(command));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting for the broker's ack; {@link #flush()} waits for all of them. */
    public void sendAsync(ChatCommand command) {
        try {
            producer.send(new ProducerRecord<>(Topics.CHAT_COMMANDS, command.roomId(), MAPPER.writeValueAsBytes(command)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void flush() {
        producer.flush();
    }

    public RecordMetadata sendRaw(String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.CHAT_COMMANDS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public RecordMetadata sendRaw(String key, String value) {
        return sendRaw(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public List<ChatEvent> eventsOf(String room) {
        return filter(events, e -> room.equals(e.roomId()));
    }

    public List<ChatReply> repliesTo(String commandId) {
        return filter(replies, r -> commandId.equals(r.commandId()));
    }

    public ChatReply replyTo(ChatCommand command) {
        List<ChatReply> found = repliesTo(command.commandId());
        return found.isEmpty() ? null : found.get(0);
    }

    public List<MembershipEvent> membershipOf(String room) {
        return filter(membership, m -> room.equals(m.roomId()));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> List<T> filter(List<T> list, Predicate<T> predicate) {
        List<T> out = new ArrayList<>();
        for (T item : list) {
            if (predicate.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    public static Map<String, Object> json(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = MAPPER.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
