package dev.switchboard.gateway.ws;

import org.jboss.logging.Logger;

import dev.switchboard.gateway.http.RouteProblems;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.gateway.sse.SseEndpoint;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * GET /v1/ws. Every upgrade is accepted (a browser cannot read an HTTP 401 on an upgrade); authentication and
 * everything else happen in {@link WsProtocol}. A request that is not an upgrade gets a problem+json 400. A plain
 * Vert.x WebSocket rather than a websockets-next endpoint: the fan-out writes every frame straight to the socket, with
 * no Uni and no captured context per frame, and the TCP connection is at hand to cut a socket whose close handshake
 * never completes.
 */
@ApplicationScoped
public class GatewaySocket {

    public static final String PATH = "/v1/ws";

    private static final Logger LOG = Logger.getLogger(GatewaySocket.class);

    private final WsProtocol protocol;
    private final RouteProblems problems;

    public GatewaySocket(WsProtocol protocol, RouteProblems problems) {
        this.protocol = protocol;
        this.problems = problems;
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            problems.refuse(routing, ProtocolException.badRequest(PATH + " is a WebSocket endpoint: send an Upgrade:"
                    + " websocket request, or use " + SseEndpoint.PATH + " or /v1/poll over plain HTTP"));
            return;
        }
        HttpConnection tcp = request.connection();
        request.toWebSocket().onComplete(result -> {
            if (result.succeeded()) {
                open(result.result(), tcp);
            } else {
                // A broken upgrade (no key, unknown version): Vert.x has answered it already (400 or 426).
                LOG.debugf("WebSocket upgrade refused: %s", result.cause().getMessage());
            }
        });
    }

    private void open(ServerWebSocket socket, HttpConnection tcp) {
        WsSession session = protocol.opened(socket, tcp);
        socket.textMessageHandler(text -> protocol.received(session, text));
        socket.binaryMessageHandler(bytes -> protocol.binary(session));
        socket.pongHandler(data -> protocol.pong(session));
        socket.closeHandler(ignored -> protocol.closed(session));
        socket.exceptionHandler(failure -> {
            LOG.debugf("WebSocket %s failed: %s", session.id(), failure.toString());
            protocol.failed(session, failure);
        });
    }
}
