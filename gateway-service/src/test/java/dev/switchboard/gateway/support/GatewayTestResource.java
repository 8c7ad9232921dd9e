package dev.switchboard.gateway.support;

import java.util.HashMap;
import java.util.Map;

import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What every gateway test runs against: the real Kafka broker, TestTokens' verification key, and the fake
 * chat-service/presence-service (real HTTP, real topics) at switchboard.gateway.chat-url / presence-url.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private final KafkaTestResource kafka = new KafkaTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        config.putAll(TestTokens.gatewayConfig());
        Tokens.publishSigner();
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
