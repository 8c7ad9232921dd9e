package dev.switchboard.gateway.http;

import java.util.HashMap;
import java.util.Map;

import dev.switchboard.gateway.support.GatewayTestResource;

/**
 * The gateway test resource (real Kafka, test tokens, fake chat/presence over real HTTP) with chat-service's public
 * rooms API and ticker-service's ingest added in front ({@link FakeServices}).
 */
public class TransportsTestResource extends GatewayTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String services = FakeServices.get().url();
        config.put("switchboard.gateway.chat-url", services);
        config.put("switchboard.gateway.transports.ticker-url", services);
        config.put("switchboard.gateway.transports.poll.session-ttl", "20s");
        config.put("switchboard.gateway.transports.sse.heartbeat", "1s");
        return config;
    }
}
