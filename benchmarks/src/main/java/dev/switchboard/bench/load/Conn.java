package dev.switchboard.bench.load;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.vertx.core.http.WebSocket;

/**
 * One benchmark client connection. It is ready once the server has accepted it as a client: after "welcome"
 * when the target authenticates, after the Socket.IO namespace "40" for Socket.IO, at once otherwise.
 * Frames reach waiters first (expect), then the listener; all of it runs on the connection's event loop.
 */
public final class Conn {
    private final int index;
    private final Target target;
    private final WebSocket ws;
    private final CompletableFuture<Conn> ready = new CompletableFuture<>();
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile Consumer<String> listener = f -> {
    };
    private volatile boolean closed;
    private volatile short closeCode;

    private record Waiter(Predicate<String> match, CompletableFuture<String> future) {
    }

    Conn(int index, Target target, WebSocket ws) {
        this.index = index;
        this.target = target;
        this.ws = ws;
        ws.textMessageHandler(this::onText);
        ws.exceptionHandler(e -> ready.completeExceptionally(e));
        ws.closeHandler(v -> {
            closed = true;
            Short code = ws.closeStatusCode();
            closeCode = code == null ? 0 : code;
            ready.completeExceptionally(new IllegalStateException("closed before ready, code " + closeCode));
            waiters.forEach(w -> w.future.completeExceptionally(new IllegalStateException("closed, code " + closeCode)));
        });
        if (target.dialect() == Dialect.PLAIN && !target.authenticates()) {
            ready.complete(this);
        }
        String auth = target.authFrame(index);
        if (auth != null) {
            ws.writeTextMessage(auth);
        }
    }

    private void onText(String text) {
        if (target.dialect() == Dialect.SOCKETIO && socketIoControl(text)) {
            return;
        }
        String json = target.dialect().unwrap(text);
        if (json == null) {
            return;
        }
        if (!ready.isDone()) {
            if (Frames.isType(json, "welcome")) {
                ready.complete(this);
                return;
            }
            if (Frames.isType(json, "error")) {
                ready.completeExceptionally(new IllegalStateException("refused: " + json));
                return;
            }
        }
        if (!waiters.isEmpty()) {
            for (Waiter w : waiters) {
                if (w.match.test(json) && waiters.remove(w)) {
                    w.future.complete(json);
                }
            }
        }
        listener.accept(json);
    }

    /** Engine.IO open "0", ping "2" and Socket.IO namespace connect "40" / refusal "44". */
    private boolean socketIoControl(String text) {
        if (text.startsWith("0{")) {
            ws.writeTextMessage("40");
            return true;
        }
        if (text.equals("2")) {
            ws.writeTextMessage("3");
            return true;
        }
        if (text.startsWith("40")) {
            ready.complete(this);
            return true;
        }
        if (text.startsWith("44")) {
            ready.completeExceptionally(new IllegalStateException("namespace refused: " + text));
            return true;
        }
        return !text.startsWith("42");
    }

    public CompletableFuture<Conn> ready() {
        return ready;
    }

    public int index() {
        return index;
    }

    public void onFrame(Consumer<String> listener) {
        this.listener = listener;
    }

    /** The next frame that matches, registered before the request that causes it is sent. */
    public CompletableFuture<String> expect(Predicate<String> match) {
        CompletableFuture<String> f = new CompletableFuture<>();
        waiters.add(new Waiter(match, f));
        return f;
    }

    public void send(String json) {
        if (!closed) {
            ws.writeTextMessage(target.dialect().wrap(json));
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public short closeCode() {
        return closeCode;
    }

    public void close() {
        if (!closed) {
            ws.close();
        }
    }

    /** Subscribes (with since >= 0: resumes after that seq); completes with the "subscribed" frame. */
    public CompletableFuture<String> subscribe(String channel, long since) {
        String id = "sub-" + channel;
        CompletableFuture<String> answer = expect(f -> (Frames.isType(f, "subscribed") && channel.equals(Frames.string(f, "channel")))
                || (Frames.isType(f, "error") && id.equals(Frames.string(f, "id"))));
        send("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"channel\":\"" + channel + "\""
                + (since >= 0 ? ",\"since\":" + since : "") + "}");
        return answer.thenApply(f -> {
            if (Frames.isType(f, "error")) {
                throw new IllegalStateException("subscribe " + channel + " refused: " + f);
            }
            return f;
        });
    }
}
