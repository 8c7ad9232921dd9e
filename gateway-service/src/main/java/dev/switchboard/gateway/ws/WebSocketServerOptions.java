package dev.switchboard.gateway.ws;

import dev.switchboard.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP server's WebSocket limits: frames and reassembled messages up to limits.max-frame-bytes (beyond: 1009),
 * and no per-message compression, which would deflate every fanned-out frame once per connection.
 */
@ApplicationScoped
public class WebSocketServerOptions implements HttpServerOptionsCustomizer {

    private final GatewayConfig config;

    public WebSocketServerOptions(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options);
    }

    private void apply(HttpServerOptions options) {
        int max = config.limits().maxFrameBytes();
        options.setMaxWebSocketFrameSize(max)
                .setMaxWebSocketMessageSize(max)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }
}
