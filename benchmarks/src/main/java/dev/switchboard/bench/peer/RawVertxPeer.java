package dev.switchboard.bench.peer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * The near-limit reference of the benchmarks: a bare Vert.x WebSocket server that broadcasts, with no auth,
 * no storage and no broker. It speaks the same tiny protocol as the Node peers (subscribe, publish, ping).
 * Usage: RawVertxPeer &lt;port&gt; [eventLoops].
 */
public final class RawVertxPeer {
    private final Map<String, Set<ServerWebSocket>> members = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        RawVertxPeer peer = new RawVertxPeer();
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setAcceptBacklog(4096)
                        .setMaxWebSocketFrameSize(64 * 1024).setPerMessageWebSocketCompressionSupported(false)
                        .setPerFrameWebSocketCompressionSupported(false))
                .webSocketHandler(peer::accept)
                .listen()
                .onSuccess(s -> System.out.println("raw Vert.x peer listening on 127.0.0.1:" + s.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private void accept(ServerWebSocket ws) {
        Set<String> joined = ConcurrentHashMap.newKeySet();
        ws.textMessageHandler(text -> onFrame(ws, joined, text));
        ws.closeHandler(v -> joined.forEach(c -> members.getOrDefault(c, Set.of()).remove(ws)));
        ws.exceptionHandler(e -> ws.close());
    }

    private void onFrame(ServerWebSocket ws, Set<String> joined, String text) {
        JsonObject f;
        try {
            f = new JsonObject(text);
        } catch (RuntimeException e) {
            ws.writeTextMessage(error(null, "bad_request", "invalid JSON"));
            return;
        }
        String id = f.getValue("id") instanceof String s ? s : null;
        String channel = f.getValue("channel") instanceof String s ? s : null;
        switch (String.valueOf(f.getValue("type"))) {
            case "ping" -> ws.writeTextMessage("{\"type\":\"pong\"}");
            case "auth" -> ws.writeTextMessage("{\"type\":\"welcome\",\"connectionId\":\"peer\",\"userId\":\"peer\",\"heartbeatMs\":25000,\"protocol\":1}");
            case "subscribe" -> {
                if (channel == null) {
                    ws.writeTextMessage(error(id, "bad_request", "channel is required"));
                    return;
                }
                members.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(ws);
                joined.add(channel);
                ws.writeTextMessage(new JsonObject().put("type", "subscribed").put("id", id).put("channel", channel)
                        .put("seq", seqs.computeIfAbsent(channel, c -> new AtomicLong()).get()).put("recovered", true).encode());
            }
            case "unsubscribe" -> {
                if (channel != null) {
                    members.getOrDefault(channel, Set.of()).remove(ws);
                    joined.remove(channel);
                }
                ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", id).encode());
            }
            case "publish" -> publish(ws, id, channel, f.getValue("data"));
            default -> ws.writeTextMessage(error(id, "bad_request", "unknown type"));
        }
    }

    private void publish(ServerWebSocket ws, String id, String channel, Object data) {
        if (channel == null || !(data instanceof JsonObject)) {
            ws.writeTextMessage(error(id, "bad_request", "channel and data are required"));
            return;
        }
        long seq = seqs.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
        String messageId = channel + ":" + seq;
        ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", id).put("channel", channel).put("seq", seq)
                .put("messageId", messageId).encode());
        // Encoded once; each member gets the same text.
        String frame = new JsonObject().put("type", "message").put("channel", channel).put("seq", seq)
                .put("messageId", messageId).put("from", "peer").put("data", data).put("ts", System.currentTimeMillis()).encode();
        for (ServerWebSocket m : members.getOrDefault(channel, Set.of())) {
            if (!m.isClosed()) {
                m.writeTextMessage(frame);
            }
        }
    }

    private static String error(String id, String code, String message) {
        return new JsonObject().put("type", "error").put("id", id).put("code", code).put("message", message).encode();
    }
}
