package dev.switchboard.gateway.chat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.gateway.auth.ChannelAuthorizer;
import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.messaging.KafkaOut;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishing to a room for every transport: validate, authorize, send a ChatCommand on chat.commands (key room,
 * replyTo this replica) and wait for chat-service's ChatReply (correlated by commandId) so the client is acked only
 * once the message is stored. Re-sending the same msgId is safe: chat-service answers with the original seq.
 */
@ApplicationScoped
public class PublishService {

    public static final int MAX_TEXT_CHARS = 4000;
    public static final int MAX_MSG_ID_CHARS = 128;
    /** Stands in for the absent data of a delete in the shared checks. */
    private static final JsonNode TOMBSTONE = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            .put("text", "deleted");

    private final KafkaOut kafka;
    private final ChannelAuthorizer authorizer;
    private final String replicaId;
    private final Duration timeout;
    private final Map<String, CompletableFuture<ChatReply>> pending = new ConcurrentHashMap<>();

    public PublishService(KafkaOut kafka, ChannelAuthorizer authorizer, GatewayConfig config) {
        this.kafka = kafka;
        this.authorizer = authorizer;
        this.replicaId = config.replicaId();
        this.timeout = config.publishTimeout();
    }

    /** Publishes a message; fails with a ProtocolException (bad_request, forbidden, unavailable, ...). */
    public Uni<PublishResult> publish(Identity who, Channel channel, String msgId, JsonNode data) {
        return publish(who, channel, msgId, data, PublishLane.single());
    }

    /** Publishes a message after every earlier publish of the same lane (one connection's) has reached Kafka. */
    public Uni<PublishResult> publish(Identity who, Channel channel, String msgId, JsonNode data, PublishLane lane) {
        validate(channel, msgId, data);
        return send(who, channel, lane, new ChatCommand(ChatCommand.Kind.PUBLISH, UUID.randomUUID().toString(),
                replicaId, channel.id(), who.userId(), msgId, null, data, System.currentTimeMillis()));
    }

    /**
     * Edits (data given) or deletes (data null) a stored room message; chat-service checks that the user is its author
     * or a moderator. Answered once stored, with the room seq the change took (transports: HTTP).
     */
    public Uni<PublishResult> change(Identity who, Channel channel, String messageId, JsonNode data) {
        if (messageId == null || messageId.isBlank() || messageId.length() > MAX_MSG_ID_CHARS) {
            throw ProtocolException.badRequest("messageId must be a non-blank string of at most " + MAX_MSG_ID_CHARS
                    + " characters");
        }
        validate(channel, messageId, data == null ? TOMBSTONE : data);
        ChatCommand.Kind kind = data == null ? ChatCommand.Kind.DELETE : ChatCommand.Kind.EDIT;
        return send(who, channel, PublishLane.single(), new ChatCommand(kind, UUID.randomUUID().toString(), replicaId,
                channel.id(), who.userId(), null, messageId, data, System.currentTimeMillis()));
    }

    /** The checks chat-service also makes, answered here without a round trip. */
    public static void validate(Channel channel, String msgId, JsonNode data) {
        if (!channel.isRoom()) {
            throw ProtocolException.forbidden(channel.kind() == Channel.Kind.TICKER
                    ? "Ticker channels are read-only for clients"
                    : "Only room channels take published messages");
        }
        if (msgId == null || msgId.isBlank() || msgId.length() > MAX_MSG_ID_CHARS) {
            throw ProtocolException.badRequest("msgId must be a non-blank string of at most " + MAX_MSG_ID_CHARS + " characters");
        }
        if (data == null || !data.isObject()) {
            throw ProtocolException.badRequest("data must be an object");
        }
        JsonNode text = data.get("text");
        if (text == null || !text.isTextual()) {
            throw ProtocolException.badRequest("data.text must be a string");
        }
        int length = text.asText().codePointCount(0, text.asText().length());
        if (length < 1 || length > MAX_TEXT_CHARS) {
            throw ProtocolException.badRequest("data.text must be 1.." + MAX_TEXT_CHARS + " characters");
        }
    }

    /** Authorizes and puts the command on Kafka in lane order, then waits for chat-service's reply. */
    private Uni<PublishResult> send(Identity who, Channel channel, PublishLane lane, ChatCommand command) {
        CompletableFuture<ChatReply> reply = new CompletableFuture<>();
        Uni<Void> dispatched = lane.inOrder(authorizer.authorizePublish(who, channel).chain(() -> {
            // Registered before the send: the reply can come back before the send's own completion does.
            pending.put(command.commandId(), reply);
            return kafka.send(Topics.CHAT_COMMANDS, command.roomId(), command);
        }));
        return dispatched.chain(() -> Uni.createFrom().completionStage(reply))
                .ifNoItem().after(timeout).failWith(() -> ProtocolException.unavailable(
                        "The message was not confirmed in time; re-send it with the same msgId"))
                .onTermination().invoke(() -> pending.remove(command.commandId()))
                .map(PublishService::accepted)
                .map(accepted -> new PublishResult(channel.id(), accepted.seq(), accepted.messageId()));
    }

    private static ChatReply accepted(ChatReply reply) {
        if (!reply.ok()) {
            throw new ProtocolException(ErrorCode.fromWire(reply.code()),
                    reply.message() == null ? "The message was rejected" : reply.message());
        }
        return reply;
    }

    /** A ChatReply from chat.replies; replies meant for other replicas are ignored. */
    void onReply(ChatReply reply) {
        if (reply.commandId() == null || !replicaId.equals(reply.replyTo())) {
            return;
        }
        CompletableFuture<ChatReply> waiting = pending.remove(reply.commandId());
        if (waiting != null) {
            waiting.complete(reply);
        }
    }

    int pendingCount() {
        return pending.size();
    }
}
