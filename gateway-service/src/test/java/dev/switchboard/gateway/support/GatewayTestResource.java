package dev.switchboard.gateway.support;

import java.util.HashMap;
import java.util.Map;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What every gateway test runs against: the real Kafka broker, TestTokens' verification key, and the fake
 * chat-service/presence-service (real HTTP, real topics) at switchboard.gateway.chat-url / presence-url.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SNAPSHOT_SYMBOL_PROPERTY = "switchboard.test.snapshot-symbol";

    private final KafkaTestResource kafka = new KafkaTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        config.putAll(TestTokens.gatewayConfig());
        // Snapshots that exist before the gateway starts: the latest (41) must be bootstrapped from ticker.snapshots,
        // the topic not yet compacted (seq 40 still there before it).
        String symbol = "SNAP" + Long.toHexString(System.nanoTime());
        TestKafka.send(Topics.TICKER_SNAPSHOTS, symbol, new Tick(symbol, 40, "market",
                TestKafka.JSON.createObjectNode().put("price", 98.0), System.currentTimeMillis()));
        TestKafka.send(Topics.TICKER_SNAPSHOTS, symbol, new Tick(symbol, 41, "market",
                TestKafka.JSON.createObjectNode().put("price", 99.5), System.currentTimeMillis()));
        System.setProperty(SNAPSHOT_SYMBOL_PROPERTY, symbol);
        String backends = FakeBackends.get().url();
        config.put("switchboard.gateway.chat-url", backends);
        config.put("switchboard.gateway.presence-url", backends);
        return config;
    }

    @Override
    public void stop() {
        kafka.stop();
    }
}
