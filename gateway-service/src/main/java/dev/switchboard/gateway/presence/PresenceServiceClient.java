package dev.switchboard.gateway.presence;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.backend.SingleFlight;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.config.InternalRestClient;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * presence-service's member list at switchboard.gateway.presence-url; any failure becomes unavailable. Concurrent
 * reads of one room share a request.
 */
@ApplicationScoped
public class PresenceServiceClient {

    private static final Logger LOG = Logger.getLogger(PresenceServiceClient.class);

    private final PresenceServiceApi api;
    private final SingleFlight<String, PresenceSnapshot> reads = new SingleFlight<>();

    public PresenceServiceClient(GatewayConfig config) {
        this.api = InternalRestClient.of(PresenceServiceApi.class, config.presenceUrl(), config);
    }

    public Uni<PresenceSnapshot> members(String roomId) {
        return reads.call(roomId, () -> api.presence(roomId).onFailure().transform(failure -> {
            LOG.warnf("presence-service read failed: %s", failure.toString());
            return ProtocolException.unavailable("presence-service is unavailable");
        }));
    }
}
