package dev.switchboard.gateway.signal;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.inbox.InboxEvent;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.messaging.KafkaOut;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * WebRTC signaling relay: a signal to a user goes on user.inbox (key: target) so that every replica delivers it to
 * that user's connections. Completes once the broker has it.
 */
@ApplicationScoped
public class SignalService {

    private final KafkaOut kafka;
    private final ObjectMapper json;
    private final int maxBytes;

    public SignalService(KafkaOut kafka, ObjectMapper json, GatewayConfig config) {
        this.kafka = kafka;
        this.json = json;
        this.maxBytes = config.limits().maxSignalBytes();
    }

    public Uni<Void> send(Identity from, String to, JsonNode data) {
        if (from.isAnonymous()) {
            return Uni.createFrom().failure(new ProtocolException(ErrorCode.UNAUTHORIZED, "Authenticate first"));
        }
        if (!Ids.isValid(to)) {
            return Uni.createFrom().failure(ProtocolException.badRequest("to must be a user id matching " + Ids.ID_PATTERN));
        }
        if (data == null || !data.isObject()) {
            return Uni.createFrom().failure(ProtocolException.badRequest("data must be an object"));
        }
        if (size(data) > maxBytes) {
            return Uni.createFrom().failure(new ProtocolException(ErrorCode.TOO_LARGE,
                    "signal data must be at most " + maxBytes + " bytes"));
        }
        return kafka.send(Topics.USER_INBOX, to,
                new InboxEvent(InboxEvent.Kind.SIGNAL, to, from.userId(), data, System.currentTimeMillis()));
    }

    private int size(JsonNode data) {
        try {
            return json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw ProtocolException.badRequest("data is not serializable");
        }
    }
}
