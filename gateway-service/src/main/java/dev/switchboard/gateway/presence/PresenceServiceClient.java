package dev.switchboard.gateway.presence;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** presence-service's member list at switchboard.gateway.presence-url; any failure becomes unavailable. */
@ApplicationScoped
public class PresenceServiceClient {

    private static final Logger LOG = Logger.getLogger(PresenceServiceClient.class);

    private final PresenceServiceApi api;

    public PresenceServiceClient(GatewayConfig config) {
        long timeoutMs = config.httpTimeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.presenceUrl()))
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .build(PresenceServiceApi.class);
    }

    public Uni<PresenceSnapshot> members(String roomId) {
        return api.presence(roomId).onFailure().transform(failure -> {
            LOG.warnf("presence-service read failed: %s", failure.toString());
            return ProtocolException.unavailable("presence-service is unavailable");
        });
    }
}
