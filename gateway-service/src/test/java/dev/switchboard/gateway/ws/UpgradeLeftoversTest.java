package dev.switchboard.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/** On a real Vert.x server and a real client: what the upgrade leaves behind goes, the socket keeps working. */
class UpgradeLeftoversTest {

    /** What the server saw, before and after the release. */
    private record Seen(String authorizationBefore, Object idleHandlerBefore, int headersAfter, Object idleHandlerAfter) {
    }

    private Vertx vertx;
    private HttpServer server;
    private final CompletableFuture<Seen> seen = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(600))
                .requestHandler(request -> request.toWebSocket().onSuccess(socket -> {
                    ChannelHandlerContext wire = TextFrames.channelOf(request.connection());
                    String authorization = socket.headers().get("Authorization");
                    Object idleBefore = wire.pipeline().get("idle");
                    UpgradeLeftovers.release(socket, wire);
                    seen.complete(new Seen(authorization, idleBefore, socket.headers().size(), wire.pipeline().get("idle")));
                    echo(socket);
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void echo(ServerWebSocket socket) {
        socket.textMessageHandler(text -> socket.writeTextMessage("echo:" + text));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theHeadersAndTheHttpIdleTimerAreReleasedAndTheSocketStillWorks() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer a-long-token")
                .buildAsync(URI.create("ws://127.0.0.1:" + server.actualPort() + "/v1/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        client.sendText("hello", true).get(10, TimeUnit.SECONDS);

        assertEquals("echo:hello", reply.get(10, TimeUnit.SECONDS));
        Seen server = seen.get(10, TimeUnit.SECONDS);
        assertEquals("Bearer a-long-token", server.authorizationBefore());
        assertInstanceOf(IdleStateHandler.class, server.idleHandlerBefore());
        assertEquals(0, server.headersAfter());
        assertNull(server.idleHandlerAfter());
        client.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }
}
