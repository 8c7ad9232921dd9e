package dev.switchboard.presence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import dev.switchboard.presence.topology.PresenceTopology;

/** The presence topology on a TopologyTestDriver, with a state directory of its own and the topology's JSON serdes. */
final class TopologyDrivers {

    private TopologyDrivers() {
    }

    /** A driver whose wall clock starts at {@code start}; each call gets a fresh state directory. */
    static TopologyTestDriver open(PresenceTopology topology, String applicationId, Instant start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kafka-streams", "driver-" + UUID.randomUUID()).toString());
        return new TopologyTestDriver(topology.build(), props, start);
    }

    static <T> TestInputTopic<String, T> input(TopologyTestDriver driver, PresenceTopology topology, String topic, Class<T> type) {
        return driver.createInputTopic(topic, new StringSerializer(), topology.json(type).serializer());
    }

    static <T> TestOutputTopic<String, T> output(TopologyTestDriver driver, PresenceTopology topology, String topic, Class<T> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), topology.json(type).deserializer());
    }
}
