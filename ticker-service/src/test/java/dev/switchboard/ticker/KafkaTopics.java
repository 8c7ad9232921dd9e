package dev.switchboard.ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

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

import dev.switchboard.contracts.ticker.Candle;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;

/** Reads the ticker topics of the test broker as a gateway would: a fresh consumer, from the beginning to the end. */
public final class KafkaTopics {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KafkaTopics() {
    }

    public static String bootstrapServers() {
        return KafkaTestResource.SharedKafka.bootstrapServers();
    }

    /** Every record of a topic, in partition order, as it stands now. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The ticks of one symbol on a topic, in the order Kafka holds them; checks the record key is the symbol. */
    public static List<Tick> ticks(String topic, String symbol) {
        return readAll(topic).stream()
                .filter(record -> symbol.equals(record.key()))
                .map(record -> read(record.value(), Tick.class))
                .peek(tick -> {
                    if (!symbol.equals(tick.symbol())) {
                        throw new AssertionError("Record keyed " + symbol + " holds a tick of " + tick.symbol());
                    }
                })
                .toList();
    }

    public static List<Candle> candles(String symbol) {
        return readAll(dev.switchboard.contracts.Topics.TICKER_CANDLES).stream()
                .filter(record -> symbol.equals(record.key()))
                .map(record -> read(record.value(), Candle.class))
                .toList();
    }

    public static void send(String topic, String key, Object value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, MAPPER.writeValueAsString(value))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a " + type.getSimpleName() + ": " + json, e);
        }
    }

    /** Asserts seqs run 1, 2, 3, ... with no gap and no repeat. */
    public static void assertContinuousFromOne(List<Tick> ticks) {
        for (int i = 0; i < ticks.size(); i++) {
            if (ticks.get(i).seq() != i + 1) {
                throw new AssertionError("seq " + ticks.get(i).seq() + " at position " + i + " of " + ticks.get(0).symbol()
                        + " (expected " + (i + 1) + ")");
            }
        }
    }
}
