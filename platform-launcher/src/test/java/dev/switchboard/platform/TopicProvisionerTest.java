package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
    void createsEveryTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
        TopicProvisioner.ensureAll(broker.bootstrapServers());
        TopicProvisioner.ensureAll(broker.bootstrapServers()); // idempotent: a second run changes nothing

        try (Admin admin = admin(broker.bootstrapServers())) {
            List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : Topics.ALL) {
                assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(spec.name())
                        .isEqualTo(spec.compacted() ? "compact" : "delete");
            }
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
