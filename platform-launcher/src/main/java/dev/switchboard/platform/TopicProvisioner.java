package dev.switchboard.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.switchboard.contracts.TopicSpec;
import dev.switchboard.contracts.Topics;

/**
 * Creates the platform's topics, with their partition counts and settings, where they do not exist yet, and brings the
 * settings of those that do up to date.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensureAll(String bootstrapServers) {
        ensure(bootstrapServers, Topics.ALL);
    }

    public static void ensure(String bootstrapServers, Collection<TopicSpec> specs) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(TopicProvisioner::newTopic)
                    .toList();
            for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
                awaitCreated(created);
            }
            awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
            updateConfigs(admin, specs.stream().filter(spec -> existing.contains(spec.name())).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Someone else (another provisioner, a client's auto-creation) making the topic first is fine. */
    private static void awaitCreated(KafkaFuture<Void> created)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            created.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * A creation completes when the controller has it; the broker that clients ask learns of it a moment later. Wait
     * for that, so that whoever provisioned can describe and use the topics at once.
     */
    private static void awaitVisible(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!names.isEmpty()) {
            try {
                admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs());
    }

    /** Topics made by an older version keep their data and get today's settings (a compacted topic's segment age). */
    private static void updateConfigs(Admin admin, List<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (specs.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicSpec spec : specs) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), spec.configs().entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList());
        }
        admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
    }
}
