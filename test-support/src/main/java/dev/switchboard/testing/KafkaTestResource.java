package dev.switchboard.testing;

import java.util.Map;

import dev.switchboard.platform.KafkaBroker;
import dev.switchboard.platform.TopicProvisioner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one Kafka test resource of the project: a real KRaft broker in the test JVM (shared by every test class of the
 * module), or the broker at KAFKA_BOOTSTRAP_SERVERS when that is set. Topics are created with their real partition
 * counts before Quarkus starts.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = SharedKafka.bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }

    @Override
    public void stop() {
        // The broker outlives one Quarkus application: the next test class of the module reuses it.
    }

    /** The broker shared by everything in this JVM. */
    public static final class SharedKafka {
        private static String bootstrapServers;

        private SharedKafka() {
        }

        public static synchronized String bootstrapServers() {
            if (bootstrapServers == null) {
                String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
                if (external != null && !external.isBlank()) {
                    bootstrapServers = external;
                } else {
                    KafkaBroker broker = KafkaBroker.startEphemeral();
                    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
                    bootstrapServers = broker.bootstrapServers();
                }
                TopicProvisioner.ensureAll(bootstrapServers);
            }
            return bootstrapServers;
        }
    }
}
