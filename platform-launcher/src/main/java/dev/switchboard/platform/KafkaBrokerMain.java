package dev.switchboard.platform;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone broker process of bin/switchboard: a KRaft broker on 127.0.0.1:9092 (controller on 9093) whose data
 * lives in .run/kafka, with the platform's topics created before it reports ready.
 * Settings: SWITCHBOARD_KAFKA_PORT, SWITCHBOARD_KAFKA_CONTROLLER_PORT, SWITCHBOARD_KAFKA_DATA.
 */
public final class KafkaBrokerMain {

    public static final String READY_LINE = "Switchboard Kafka broker ready on ";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("SWITCHBOARD_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env("SWITCHBOARD_KAFKA_CONTROLLER_PORT", "9093"));
        Path dataDir = Path.of(env("SWITCHBOARD_KAFKA_DATA", ".run/kafka"));

        KafkaBroker broker = KafkaBroker.startPersistent("127.0.0.1", port, controllerPort, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));

        TopicProvisioner.ensureAll(broker.bootstrapServers());
        System.out.println(READY_LINE + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath() + ")");
        System.out.flush();
        stopped.await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
