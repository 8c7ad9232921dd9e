package dev.switchboard.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.contracts.chat.MembershipEvent;
import dev.switchboard.contracts.presence.PresenceMember;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Plays chat-service and presence-service for the gateway's tests, over the real broker and real HTTP: a consumer of
 * chat.commands that stores messages (gap-free seq per room, msgId dedupe) and answers with ChatReply and ChatEvent
 * like chat-service does, and a tiny Vert.x HTTP server with /access, /events and /presence. One per test JVM.
 */
public final class FakeBackends {

    public static final class Room {
        public volatile boolean privateRoom;
        public volatile boolean exists;
        public final Set<String> members = ConcurrentHashMap.newKeySet();
        public final List<ChatEvent> events = new ArrayList<>();
        public final Map<String, ChatEvent> byMsgId = new HashMap<>();
        public volatile long earliestSeq = 1;
        public volatile boolean silent;
        /** /access answers 200 with the JSON null: a broken chat-service the gateway does not expect. */
        public volatile boolean accessAnswersNull;
        public final List<PresenceMember> present = new ArrayList<>();
    }

    private static FakeBackends instance;

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger accessReads = new AtomicInteger();
    private volatile boolean chatAvailable = true;
    private volatile boolean presenceAvailable = true;
    private final int port;

    private FakeBackends() {
        this.port = LoopbackHttpServer.listen(vertx, this::serve);
        Thread commands = new Thread(this::processCommands, "fake-chat-commands");
        commands.setDaemon(true);
        commands.start();
    }

    public static synchronized FakeBackends get() {
        if (instance == null) {
            instance = new FakeBackends();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Room room(String id) {
        return rooms.computeIfAbsent(id, key -> new Room());
    }

    public void chatAvailable(boolean available) {
        this.chatAvailable = available;
    }

    public void presenceAvailable(boolean available) {
        this.presenceAvailable = available;
    }

    public int accessReads() {
        return accessReads.get();
    }

    /** A private room with these members, announced on chat.membership like chat-service does. */
    public void createPrivateRoom(String roomId, String... members) {
        Room room = room(roomId);
        room.exists = true;
        room.privateRoom = true;
        room.members.addAll(List.of(members));
        TestKafka.send(Topics.CHAT_MEMBERSHIP, roomId, new MembershipEvent(MembershipEvent.Kind.ROOM_CREATED, roomId,
                MembershipEvent.Visibility.PRIVATE, null, null, System.currentTimeMillis()));
    }

    public void removeMember(String roomId, String userId) {
        room(roomId).members.remove(userId);
        TestKafka.send(Topics.CHAT_MEMBERSHIP, roomId, new MembershipEvent(MembershipEvent.Kind.REMOVED, roomId,
                MembershipEvent.Visibility.PRIVATE, userId, null, System.currentTimeMillis()));
    }

    public void addMember(String roomId, String userId) {
        room(roomId).members.add(userId);
        TestKafka.send(Topics.CHAT_MEMBERSHIP, roomId, new MembershipEvent(MembershipEvent.Kind.ADDED, roomId,
                MembershipEvent.Visibility.PRIVATE, userId, "member", System.currentTimeMillis()));
    }

    /** Stores a message as chat-service would, and publishes its ChatEvent (without a command). */
    public ChatEvent store(String roomId, String from, JsonNode data) {
        ChatEvent event;
        Room room = room(roomId);
        synchronized (room) {
            room.exists = true;
            long seq = room.events.size() + 1;
            event = new ChatEvent(ChatEvent.Kind.CREATED, roomId, seq, "m-" + UUID.randomUUID(), "direct-" + seq, from,
                    from, data, System.currentTimeMillis());
            room.events.add(event);
        }
        return event;
    }

    /** Stores an edit or delete of a message (the next seq of the room), without publishing it. */
    public ChatEvent change(String roomId, ChatEvent.Kind kind, String messageId, String actor, JsonNode data) {
        Room room = room(roomId);
        synchronized (room) {
            long seq = room.events.size() + 1;
            ChatEvent event = new ChatEvent(kind, roomId, seq, messageId, null, actor, actor,
                    kind == ChatEvent.Kind.DELETED ? null : data, System.currentTimeMillis());
            room.events.add(event);
            return event;
        }
    }

    public void publish(ChatEvent event) {
        TestKafka.send(Topics.CHAT_EVENTS, event.roomId(), event);
    }

    private void processCommands() {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumerAtEnd(Topics.CHAT_COMMANDS)) {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    ChatCommand command = TestKafka.parse(record.value(), ChatCommand.class);
                    if (command != null && command.kind() == ChatCommand.Kind.PUBLISH) {
                        handlePublish(command);
                    }
                }
            }
        }
    }

    private void handlePublish(ChatCommand command) {
        Room room = room(command.roomId());
        if (room.silent) {
            return;
        }
        if (room.exists && room.privateRoom && !room.members.contains(command.userId())) {
            TestKafka.send(Topics.CHAT_REPLIES, command.replyTo(), ChatReply.error(command, "forbidden", "Not a member"));
            return;
        }
        ChatEvent event;
        boolean duplicate;
        synchronized (room) {
            room.exists = true;
            ChatEvent known = room.byMsgId.get(command.msgId());
            duplicate = known != null;
            if (duplicate) {
                event = known;
            } else {
                long seq = room.events.size() + 1;
                event = new ChatEvent(ChatEvent.Kind.CREATED, command.roomId(), seq, "m-" + UUID.randomUUID(),
                        command.msgId(), command.userId(), command.userId(), command.data(), System.currentTimeMillis());
                room.events.add(event);
                room.byMsgId.put(command.msgId(), event);
            }
        }
        if (!duplicate) {
            TestKafka.send(Topics.CHAT_EVENTS, command.roomId(), event);
        }
        TestKafka.send(Topics.CHAT_REPLIES, command.replyTo(), ChatReply.ok(command, event.seq(), event.messageId()));
    }

    private void serve(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        // /v1/rooms/{id}/{what}
        if (parts.length != 5 || !parts[1].equals("v1") || !parts[2].equals("rooms")) {
            respond(request, 404, Map.of("code", "not_found"));
            return;
        }
        String roomId = parts[3];
        switch (parts[4]) {
            case "access" -> access(request, roomId);
            case "events" -> events(request, roomId);
            case "presence" -> presence(request, roomId);
            default -> respond(request, 404, Map.of("code", "not_found"));
        }
    }

    private void access(HttpServerRequest request, String roomId) {
        accessReads.incrementAndGet();
        if (!chatAvailable) {
            respond(request, 503, Map.of("code", "unavailable"));
            return;
        }
        Room room = room(roomId);
        if (room.accessAnswersNull) {
            request.response().putHeader("Content-Type", "application/json").end("null");
            return;
        }
        String userId = request.getParam("userId");
        Map<String, Object> body = new HashMap<>();
        body.put("roomId", roomId);
        body.put("exists", room.exists);
        body.put("visibility", room.exists ? (room.privateRoom ? "PRIVATE" : "PUBLIC") : null);
        // Without a userId (the room-level read) nobody is a member, as in chat-service.
        boolean member = userId != null && room.members.contains(userId);
        body.put("member", member);
        body.put("role", member ? "member" : null);
        synchronized (room) {
            body.put("latestSeq", (long) room.events.size());
        }
        respond(request, 200, body);
    }

    private void events(HttpServerRequest request, String roomId) {
        if (!chatAvailable) {
            respond(request, 503, Map.of("code", "unavailable"));
            return;
        }
        long after = Long.parseLong(request.getParam("after", "0"));
        int limit = Integer.parseInt(request.getParam("limit", "100"));
        Room room = room(roomId);
        List<ChatEvent> page = new ArrayList<>();
        long latest;
        boolean hasMore = false;
        synchronized (room) {
            latest = room.events.size();
            for (ChatEvent event : room.events) {
                if (event.seq() > after && event.seq() >= room.earliestSeq) {
                    if (page.size() == limit) {
                        hasMore = true;
                        break;
                    }
                    page.add(event);
                }
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("roomId", roomId);
        body.put("events", page);
        body.put("latestSeq", latest);
        body.put("earliestSeq", latest == 0 ? 0 : room.earliestSeq);
        body.put("hasMore", hasMore);
        respond(request, 200, body);
    }

    private void presence(HttpServerRequest request, String roomId) {
        if (!presenceAvailable) {
            respond(request, 503, Map.of("code", "unavailable"));
            return;
        }
        Room room = room(roomId);
        List<PresenceMember> members;
        synchronized (room) {
            members = List.copyOf(room.present);
        }
        Set<String> ids = new HashSet<>();
        members.forEach(member -> ids.add(member.userId()));
        respond(request, 200, Map.of("channel", "room:" + roomId, "count", ids.size(), "members", members,
                "sampled", false));
    }

    private static void respond(HttpServerRequest request, int status, Object body) {
        try {
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                    .end(TestKafka.JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }
}
