package dev.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Opens benchmark connections. One machine runs out of ephemeral ports (about 28k per source address and
 * destination) long before 50k connections, so connections are spread round-robin over several loopback source
 * addresses 127.0.0.1 .. 127.0.0.n, one WebSocket client bound to each. At most `concurrency` handshakes are in
 * flight at once, so a storm of connects does not overflow the server's accept backlog.
 *
 * <p>A second, disjoint set of source addresses serves reconnects: the server closes a WebSocket's TCP
 * connection first, so it keeps the old 4-tuples in TIME_WAIT, and a new connection from the same address and
 * port would have its SYN ignored and retried a second later, which measures the kernel, not the server.
 * bin/bench also moves --source-base between runs for the same reason.
 */
public final class Connector implements AutoCloseable {
    private final Vertx vertx;
    private final Target target;
    private final List<WebSocketClient> clients = new ArrayList<>();
    private final List<WebSocketClient> alternates = new ArrayList<>();

    public Connector(Target target, int sourceBase, int sourceAddresses, int eventLoops) {
        if (sourceAddresses < 1 || sourceBase < 1 || sourceBase + 2 * sourceAddresses > 255) {
            throw new IllegalArgumentException("source addresses 127.0.0." + sourceBase + " + 2 x " + sourceAddresses
                    + " do not fit in 127.0.0.1..254");
        }
        if (!target.host().startsWith("127.") && !target.host().equals("localhost")) {
            throw new IllegalArgumentException("benchmarks load loopback addresses only, not " + target.host());
        }
        this.target = target;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10_000));
        for (int i = 0; i < 2 * sourceAddresses; i++) {
            (i < sourceAddresses ? clients : alternates).add(vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress("127.0.0." + (sourceBase + i))
                    .setMaxConnections(1_000_000)
                    .setConnectTimeout(30_000)
                    .setMaxFrameSize(1 << 20)
                    .setMaxMessageSize(1 << 20)
                    .setTryUsePerMessageCompression(false)
                    .setReuseAddress(true)));
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Connects one client and waits for it to be accepted (see Conn#ready). */
    public CompletableFuture<Conn> connect(int index) {
        return connect(index, false);
    }

    /** As {@link #connect(int)}, from the reconnect source addresses when `again`. */
    public CompletableFuture<Conn> connect(int index, boolean again) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(target.host()).setPort(target.port()).setURI(target.uriFor(index))
                .setTimeout(30_000);
        CompletableFuture<Conn> result = new CompletableFuture<>();
        List<WebSocketClient> from = again ? alternates : clients;
        from.get(index % from.size()).connect(options).onComplete(ar -> {
            if (ar.failed()) {
                result.completeExceptionally(ar.cause());
            } else {
                new Conn(index, target, ar.result()).ready().whenComplete((c, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(c);
                    }
                });
            }
        });
        return result.orTimeout(60, TimeUnit.SECONDS);
    }

    /** What a batch of connects came to: the connections that made it, in index order, and the failures. */
    public record Opened(List<Conn> conns, int failed, String firstError, long millis) {
    }

    /** Connects clients first .. first+count-1 with at most `concurrency` handshakes in flight. */
    public CompletableFuture<Opened> open(int first, int count, int concurrency) {
        long start = System.nanoTime();
        AtomicReferenceArray<Conn> slots = new AtomicReferenceArray<>(count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        StringBuilder firstError = new StringBuilder();
        CompletableFuture<Opened> all = new CompletableFuture<>();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            connect(first + i).whenComplete((c, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                    synchronized (firstError) {
                        if (firstError.length() == 0) {
                            firstError.append(e);
                        }
                    }
                } else {
                    slots.set(i, c);
                }
                if (done.incrementAndGet() == count) {
                    List<Conn> conns = new ArrayList<>(count);
                    for (int k = 0; k < count; k++) {
                        if (slots.get(k) != null) {
                            conns.add(slots.get(k));
                        }
                    }
                    all.complete(new Opened(conns, failed.get(), firstError.toString(),
                            (System.nanoTime() - start) / 1_000_000));
                } else {
                    launch[0].run();
                }
            });
        };
        if (count == 0) {
            all.complete(new Opened(List.of(), 0, "", 0));
        }
        for (int k = 0; k < Math.min(concurrency, count); k++) {
            launch[0].run();
        }
        return all;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
