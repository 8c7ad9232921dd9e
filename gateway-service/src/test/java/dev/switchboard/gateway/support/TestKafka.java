package dev.switchboard.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.testing.KafkaTestResource;

/** Test-side Kafka access to the shared real broker: JSON producing, and reading a topic from "now". */
public final class TestKafka {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    public static String bootstrap() {
        return KafkaTestResource.SharedKafka.bootstrapServers();
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Produces a record as JSON and waits for the broker's ack. */
    public static void send(String topic, String key, Object value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value))).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces without waiting (bulk); call {@link #flush()} after. */
    public static void sendAsync(String topic, String key, Object value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sendRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void flush() {
        producer().flush();
    }

    public static KafkaConsumer<String, String> consumerAtEnd(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Everything on one topic from the moment it is opened. */
    public static final class Probe implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public Probe(String topic) {
            this.consumer = consumerAtEnd(topic);
        }

        /** The first record (since opening) whose parsed value matches, waiting up to 20 s. */
        public <T> T await(Class<T> type, java.util.function.Predicate<T> matching) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int checked = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                }
                for (; checked < seen.size(); checked++) {
                    T value = parse(seen.get(checked).value(), type);
                    if (value != null && matching.test(value)) {
                        checked++;
                        return value;
                    }
                }
            }
            throw new AssertionError("No matching " + type.getSimpleName() + " within 30 s; seen "
                    + seen.stream().map(ConsumerRecord::value).toList());
        }

        public ConsumerRecord<String, String> awaitRecord(java.util.function.Predicate<ConsumerRecord<String, String>> matching) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int checked = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                }
                for (; checked < seen.size(); checked++) {
                    if (matching.test(seen.get(checked))) {
                        return seen.get(checked);
                    }
                }
            }
            throw new AssertionError("No matching record within 30 s; seen " + seen.size());
        }

        /** All records that arrive within the window (for "nothing else was sent" checks). */
        public List<ConsumerRecord<String, String>> drain(Duration window) {
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    seen.add(record);
                }
            }
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static <T> T parse(String value, Class<T> type) {
        try {
            return JSON.readValue(value, type);
        } catch (Exception e) {
            return null;
        }
    }
}
