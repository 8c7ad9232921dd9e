package dev.switchboard.gateway.ws;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.ServerWebSocket;

/**
 * Drops what the HTTP upgrade leaves behind on a WebSocket that stays open for hours. Vert.x keeps the upgrade
 * request's headers for the socket's whole life (with an Authorization header, the whole token), and the HTTP
 * server's idle timer keeps a scheduled task per connection, although {@link IdleSweeper} already closes idle
 * sockets by the protocol's own rule. Together about 0.8 KB of heap per idle connection.
 */
final class UpgradeLeftovers {

    /** The name Vert.x gives the HTTP idle-timeout handler in a connection's pipeline. */
    private static final String HTTP_IDLE_HANDLER = "idle";

    private UpgradeLeftovers() {
    }

    /** Call on the socket's event loop, once everything needed from the request's headers has been read. */
    static void release(ServerWebSocket socket, ChannelHandlerContext wire) {
        socket.headers().clear();
        if (wire != null) {
            ChannelHandler idle = wire.pipeline().get(HTTP_IDLE_HANDLER);
            if (idle instanceof IdleStateHandler) {
                wire.pipeline().remove(idle);
            }
        }
    }
}
