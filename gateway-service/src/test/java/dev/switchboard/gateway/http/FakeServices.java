package dev.switchboard.gateway.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.contracts.ticker.Tick;
import dev.switchboard.gateway.support.FakeBackends;
import dev.switchboard.gateway.support.LoopbackHttpServer;
import dev.switchboard.gateway.support.TestKafka;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * Plays chat-service's public rooms API and ticker-service's ingest for the transport tests, over real HTTP: rooms,
 * history pages built from the same store {@link FakeBackends} fills from real chat.commands, and quotes turned into
 * real Ticks on ticker.ticks. Every other internal read (/access, /events, /presence) is passed on to FakeBackends.
 * It records the X-Switchboard-User of each request, to prove the gateway sets it from the verified token.
 */
public final class FakeServices {

    private static FakeServices instance;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient backends = vertx.createHttpClient();
    private final Map<String, Map<String, Object>> rooms = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> tickSeqs = new ConcurrentHashMap<>();
    private final List<String> seenUsers = new CopyOnWriteArrayList<>();
    private final int port;

    private FakeServices() {
        this.port = LoopbackHttpServer.listen(vertx, this::serve);
        Thread changes = new Thread(this::processChanges, "fake-chat-changes");
        changes.setDaemon(true);
        changes.start();
    }

    /** chat-service's EDIT and DELETE commands: the author may change their message; the change takes the next seq. */
    private void processChanges() {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumerAtEnd(Topics.CHAT_COMMANDS)) {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    ChatCommand command = TestKafka.parse(record.value(), ChatCommand.class);
                    if (command != null && command.kind() != ChatCommand.Kind.PUBLISH) {
                        change(command);
                    }
                }
            }
        }
    }

    private void change(ChatCommand command) {
        FakeBackends.Room room = FakeBackends.get().room(command.roomId());
        ChatEvent original;
        synchronized (room) {
            original = room.events.stream().filter(event -> event.kind() == ChatEvent.Kind.CREATED
                    && event.messageId().equals(command.messageId())).findFirst().orElse(null);
        }
        if (original == null) {
            TestKafka.send(Topics.CHAT_REPLIES, command.replyTo(), ChatReply.error(command, "not_found", "No such message"));
            return;
        }
        if (!original.from().equals(command.userId())) {
            TestKafka.send(Topics.CHAT_REPLIES, command.replyTo(), ChatReply.error(command, "forbidden",
                    "Only the author or a moderator may change a message"));
            return;
        }
        ChatEvent.Kind kind = command.kind() == ChatCommand.Kind.EDIT ? ChatEvent.Kind.EDITED : ChatEvent.Kind.DELETED;
        ChatEvent event = FakeBackends.get().change(command.roomId(), kind, command.messageId(), command.userId(),
                command.data());
        FakeBackends.get().publish(event);
        TestKafka.send(Topics.CHAT_REPLIES, command.replyTo(), ChatReply.ok(command, event.seq(), event.messageId()));
    }

    public static synchronized FakeServices get() {
        if (instance == null) {
            instance = new FakeServices();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The X-Switchboard-User headers received so far (null entries: none sent). */
    public List<String> seenUsers() {
        return seenUsers;
    }

    private void serve(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String user = request.getHeader("X-Switchboard-User");
            String[] parts = request.path().split("/");
            String method = request.method().name();
            if (request.path().startsWith("/v1/tickers/") && parts.length == 5 && parts[4].equals("quotes")) {
                quotes(request, parts[3], body);
            } else if (request.path().equals("/v1/rooms") && method.equals("POST")) {
                seenUsers.add(String.valueOf(user));
                create(request, user, body);
            } else if (request.path().equals("/v1/rooms") && method.equals("GET")) {
                seenUsers.add(String.valueOf(user));
                mine(request, user);
            } else if (parts.length == 5 && parts[4].equals("messages")) {
                seenUsers.add(String.valueOf(user));
                messages(request, parts[3]);
            } else {
                forward(request, body);
            }
        });
    }

    private void create(HttpServerRequest request, String user, Buffer body) {
        JsonNode json = TestKafka.parse(body.toString(), JsonNode.class);
        if (user == null || json == null || !json.path("visibility").isTextual()) {
            respond(request, 400, Map.of("status", 400, "code", "bad_request", "detail", "visibility is required"));
            return;
        }
        String id = json.path("id").asText("r-" + rooms.size());
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("id", id);
        room.put("visibility", json.path("visibility").asText());
        room.put("createdBy", user);
        room.put("role", "moderator");
        if (rooms.putIfAbsent(id, room) != null) {
            respond(request, 409, Map.of("status", 409, "code", "conflict", "detail", "room " + id + " exists already"));
            return;
        }
        request.response().putHeader("Location", "/v1/rooms/" + id);
        respond(request, 201, room);
    }

    private void mine(HttpServerRequest request, String user) {
        List<Object> mine = rooms.values().stream().filter(room -> room.get("createdBy").equals(user))
                .map(room -> (Object) room).toList();
        respond(request, 200, Map.of("userId", String.valueOf(user), "rooms", mine));
    }

    /** Latest version of each message, ascending by seq, paging backwards from before. */
    private void messages(HttpServerRequest request, String roomId) {
        long before = Long.parseLong(request.getParam("before", String.valueOf(Long.MAX_VALUE)));
        int limit = Integer.parseInt(request.getParam("limit", "50"));
        FakeBackends.Room room = FakeBackends.get().room(roomId);
        Map<String, Map<String, Object>> byMessage = new LinkedHashMap<>();
        synchronized (room) {
            for (ChatEvent event : room.events) {
                if (event.kind() == ChatEvent.Kind.CREATED) {
                    Map<String, Object> message = new HashMap<>();
                    message.put("seq", event.seq());
                    message.put("messageId", event.messageId());
                    message.put("msgId", event.msgId());
                    message.put("from", event.from());
                    message.put("data", event.data());
                    message.put("ts", event.ts());
                    message.put("editedAt", null);
                    message.put("deleted", false);
                    byMessage.put(event.messageId(), message);
                }
            }
        }
        List<Map<String, Object>> older = new ArrayList<>(byMessage.values().stream()
                .filter(message -> (long) message.get("seq") < before).toList());
        boolean hasMore = older.size() > limit;
        List<Map<String, Object>> page = older.subList(Math.max(0, older.size() - limit), older.size());
        respond(request, 200, Map.of("roomId", roomId, "messages", page, "hasMore", hasMore));
    }

    /** ticker-service's ingest: one quote with a positive price, stored as the symbol's next Tick. */
    private void quotes(HttpServerRequest request, String symbol, Buffer body) {
        JsonNode quote = TestKafka.parse(body.toString(), JsonNode.class);
        if (quote == null || !quote.isObject() || !quote.path("price").isNumber() || quote.path("price").asDouble() <= 0) {
            respond(request, 400, Map.of("status", 400, "code", "bad_request", "detail", "price: must be positive"));
            return;
        }
        long seq = tickSeqs.computeIfAbsent(symbol, key -> new AtomicLong()).incrementAndGet();
        TestKafka.send(Topics.TICKER_TICKS, symbol, new Tick(symbol, seq, "ingest", quote, System.currentTimeMillis()));
        respond(request, 202, Map.of("symbol", symbol, "accepted", 1, "firstSeq", seq, "lastSeq", seq));
    }

    private void forward(HttpServerRequest request, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(FakeBackends.get().url() + request.uri());
        backends.request(options).compose(out -> out.send(body))
                .compose(response -> response.body().map(bytes -> {
                    request.response().setStatusCode(response.statusCode());
                    String type = response.getHeader("Content-Type");
                    if (type != null) {
                        request.response().putHeader("Content-Type", type);
                    }
                    request.response().end(bytes);
                    return bytes;
                }))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    private static void respond(HttpServerRequest request, int status, Object body) {
        try {
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", status < 300 ? "application/json" : "application/problem+json")
                    .end(TestKafka.JSON.writeValueAsString(body));
        } catch (Exception e) {
            request.response().setStatusCode(500).end();
        }
    }
}
