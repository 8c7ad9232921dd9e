package dev.switchboard.gateway.chat;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.backend.SingleFlight;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.config.InternalRestClient;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * chat-service's internal reads at switchboard.gateway.chat-url; any failure becomes unavailable. Concurrent reads of
 * the same page (subscribers of one room catching up from the same seq) share a request.
 */
@ApplicationScoped
public class ChatServiceClient {

    private static final Logger LOG = Logger.getLogger(ChatServiceClient.class);

    private final ChatServiceApi api;
    private final SingleFlight<PageKey, RoomEventsPage> pages = new SingleFlight<>();

    private record PageKey(String roomId, long after, int limit) {
    }

    public ChatServiceClient(GatewayConfig config) {
        this.api = InternalRestClient.of(ChatServiceApi.class, config.chatUrl(), config);
    }

    public Uni<RoomAccess> access(String roomId, String userId) {
        return api.access(roomId, userId).onFailure().transform(failure -> unavailable("room access", failure));
    }

    public Uni<RoomEventsPage> events(String roomId, long after, int limit) {
        return pages.call(new PageKey(roomId, after, limit),
                () -> api.events(roomId, after, limit).onFailure().transform(failure -> unavailable("room history", failure)));
    }

    private static ProtocolException unavailable(String what, Throwable failure) {
        LOG.warnf("chat-service %s read failed: %s", what, failure.toString());
        return ProtocolException.unavailable("chat-service is unavailable");
    }
}
