package dev.switchboard.gateway.ws;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

/**
 * GET /v1/ws. Every upgrade is accepted (a browser cannot read an HTTP 401 on an upgrade); authentication and
 * everything else happen in {@link WsProtocol}. Callbacks return Uni so they run on the connection's event loop.
 */
@WebSocket(path = "/v1/ws")
public class GatewaySocket {

    private static final Logger LOG = Logger.getLogger(GatewaySocket.class);

    private final WsProtocol protocol;

    public GatewaySocket(WsProtocol protocol) {
        this.protocol = protocol;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        protocol.opened(connection);
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> onText(String text, WebSocketConnection connection) {
        protocol.handle(connection, text);
        return Uni.createFrom().voidItem();
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer bytes, WebSocketConnection connection) {
        protocol.binary(connection);
        return Uni.createFrom().voidItem();
    }

    @OnPongMessage
    public Uni<Void> onPong(Buffer data, WebSocketConnection connection) {
        protocol.pong(connection);
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        protocol.closed(connection);
        return Uni.createFrom().voidItem();
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("WebSocket %s failed: %s", connection.id(), failure.toString());
        protocol.failed(connection, failure);
        return Uni.createFrom().voidItem();
    }
}
