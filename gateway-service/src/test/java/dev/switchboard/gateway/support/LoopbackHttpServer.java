package dev.switchboard.gateway.support;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/** A real HTTP server on a free loopback port, for the services a gateway test plays (chat, presence, ticker). */
public final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    /** Starts the server and answers its port. */
    public static int listen(Vertx vertx, Handler<HttpServerRequest> handler) {
        try {
            return vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).actualPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a test HTTP server", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a test HTTP server", e);
        }
    }
}
