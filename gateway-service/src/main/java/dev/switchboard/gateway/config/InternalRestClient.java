package dev.switchboard.gateway.config;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * A client of another service's internal API (chat-service, presence-service). Its connection pool is sized for
 * bursts: a thousand clients subscribing at once each need an access read, and a pool of the REST client's default
 * size made them queue past the read timeout.
 */
public final class InternalRestClient {

    private InternalRestClient() {
    }

    public static <T> T of(Class<T> api, String baseUrl, GatewayConfig config) {
        long timeoutMs = config.httpTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.httpPoolSize())
                .build(api);
    }
}
