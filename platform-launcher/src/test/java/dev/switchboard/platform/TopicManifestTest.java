package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.switchboard.contracts.TopicSpec;
import dev.switchboard.contracts.Topics;

/** The Kubernetes KafkaTopic resources declare exactly the topics of Topics.ALL, with the same partitions and policy. */
class TopicManifestTest {

    private static final Pattern TOPIC = Pattern.compile(
            "topicName: (\\S+)\\s+partitions: (\\d+)\\s+replicas: \\d+\\s+config:\\s+cleanup\\.policy: (\\w+)");

    @Test
    void kubernetesTopicsMatchTheContracts() throws Exception {
        Path root = Path.of(System.getProperty("switchboard.root", ".."));
        String yaml = Files.readString(root.resolve("deploy/kubernetes/kafka-topics.yaml"));
        Map<String, TopicSpec> declared = new HashMap<>();
        Matcher m = TOPIC.matcher(yaml);
        while (m.find()) {
            declared.put(m.group(1), new TopicSpec(m.group(1), Integer.parseInt(m.group(2)), "compact".equals(m.group(3))));
        }
        Map<String, TopicSpec> expected = new HashMap<>();
        Topics.ALL.forEach(spec -> expected.put(spec.name(), spec));
        assertThat(declared).isEqualTo(expected);
        for (TopicSpec spec : Topics.ALL) {
            String resource = Arrays.stream(yaml.split("\n---\n"))
                    .filter(block -> block.contains("topicName: " + spec.name() + "\n")).findFirst().orElseThrow();
            for (Map.Entry<String, String> setting : spec.configs().entrySet()) {
                assertThat(resource).as(spec.name()).containsPattern(
                        "\\n    " + Pattern.quote(setting.getKey()) + ": \"?" + Pattern.quote(setting.getValue()) + "\"?(\\n|$)");
            }
        }
    }
}
