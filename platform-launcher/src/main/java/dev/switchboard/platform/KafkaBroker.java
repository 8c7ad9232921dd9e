package dev.switchboard.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in this JVM, from the Maven Central jars.
 * With a data directory its log survives restarts: the cluster id is kept beside it and an existing storage is reused.
 */
public final class KafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** A throw-away broker on free ports, for tests. */
    public static KafkaBroker startEphemeral() {
        return new KafkaBroker(new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withAdditionalProperties(KafkaBroker::tune)
                .start());
    }

    /** A broker on fixed ports whose data lives in {@code dataDir} and survives restarts. */
    public static KafkaBroker startPersistent(String host, int port, int controllerPort, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        String clusterId = clusterId(dataDir);
        Path logDir = dataDir.resolve("log");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost(host)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    tune(props);
                    props.put("log.dir", logDir.toAbsolutePath().toString());
                });
        return new KafkaBroker(broker.start());
    }

    private static void tune(java.util.Properties props) {
        // A single node: internal topics cannot be replicated, and we want consumers to start at once.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /** host:port for kafka.bootstrap.servers. */
    public String bootstrapServers() {
        String listeners = broker.getAdvertisedListeners();
        // "PLAINTEXT://127.0.0.1:1234" -> "127.0.0.1:1234"
        int scheme = listeners.indexOf("://");
        return scheme < 0 ? listeners : listeners.substring(scheme + 3).split(",")[0];
    }

    @Override
    public void close() {
        broker.close();
    }
}
