package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.contracts.TopicSpec;
import dev.switchboard.contracts.Topics;

/** The launcher's broker is a real Kafka broker, and it ends up with every topic as Topics declares it. */
class TopicProvisionerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndSettings() throws Exception {
        TopicProvisioner.ensureAll(broker.bootstrapServers());
        TopicProvisioner.ensureAll(broker.bootstrapServers()); // idempotent: a second run changes nothing

        try (Admin admin = admin(broker.bootstrapServers())) {
            List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : Topics.ALL) {
                assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                Config config = configOf(admin, spec.name());
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(spec.name())
                        .isEqualTo(spec.compacted() ? "compact" : "delete");
                if (spec.compacted()) {
                    assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).as(spec.name())
                            .isEqualTo(Long.toString(TopicSpec.COMPACTED_SEGMENT_MS));
                }
            }
        }
    }

    @Test
    void aTopicMadeWithOlderSettingsIsBroughtUpToDate() throws Exception {
        String name = "older.snapshots";
        try (Admin admin = admin(broker.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")))).all().get(30, TimeUnit.SECONDS);
            assertThat(configOf(admin, name).get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("604800000");

            TopicProvisioner.ensure(broker.bootstrapServers(), List.of(TopicSpec.compacted(name, 2)));

            assertThat(configOf(admin, name).get(TopicConfig.SEGMENT_MS_CONFIG).value())
                    .isEqualTo(Long.toString(TopicSpec.COMPACTED_SEGMENT_MS));
        }
    }

    @Test
    void provisionersRacingForTheSameTopicsAllSucceed() throws Exception {
        // Test JVMs and services starting together each provision the same topics; whoever creates one second must
        // not fail (it once broke a gateway test's start with TopicExistsException).
        List<TopicSpec> specs = IntStream.range(0, 20)
                .mapToObj(i -> TopicSpec.compacted("race.check." + i, 2)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> TopicProvisioner.ensure(broker.bootstrapServers(), specs)));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Admin admin = admin(broker.bootstrapServers())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(specs.stream().map(TopicSpec::name).toList());
        }
    }

    @Test
    void aPersistentBrokerKeepsItsTopicsAcrossARestart(@TempDir Path dataDir) throws Exception {
        String bootstrap;
        try (KafkaBroker first = KafkaBroker.startPersistent("127.0.0.1", freePort(), freePort(), dataDir)) {
            bootstrap = first.bootstrapServers();
            TopicProvisioner.ensure(bootstrap, List.of(TopicSpec.compacted("restart.check", 3)));
        }
        assertThat(Files.readString(dataDir.resolve("cluster.id"))).isNotBlank();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (KafkaBroker second = KafkaBroker.startPersistent("127.0.0.1", port, freePort(), dataDir);
                Admin admin = admin(second.bootstrapServers())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("restart.check");
        }
    }

    /** A just-created topic's config, once the broker's metadata has caught up with the controller's. */
    private static Config configOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
