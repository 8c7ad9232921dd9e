package dev.switchboard.chat.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.switchboard.chat.messages.EventRepository;
import dev.switchboard.chat.messages.MessageRepository;
import dev.switchboard.chat.messages.StoredMessage;
import dev.switchboard.chat.outbox.Outbox;
import dev.switchboard.chat.outbox.OutboxRecord;
import dev.switchboard.chat.rooms.Room;
import dev.switchboard.chat.rooms.RoomCreator;
import dev.switchboard.chat.rooms.RoomRepository;
import dev.switchboard.chat.rooms.Roles;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.contracts.chat.MembershipEvent.Visibility;

/**
 * Applies a batch of decoded commands inside one database transaction. The rooms of the batch are locked first (in
 * id order), so each room's next seq is taken under its row lock even if another replica briefly handles the same
 * partition during a rebalance; the events, replies and dead letters go to the outbox in the same transaction.
 */
final class CommandTransaction {

    private final Connection connection;
    private final Repositories repositories;
    private final long now;
    private final Map<String, Room> rooms;
    private final Map<String, Optional<String>> roles = new HashMap<>();
    private final Map<String, Long> changedSeqs = new HashMap<>();
    private final Map<String, Long> changeCommands = new HashMap<>();
    private final Map<String, StoredMessage> byMsgId = new HashMap<>();
    private final List<StoredMessage> newMessages = new ArrayList<>();
    private final List<EventRepository.Row> events = new ArrayList<>();
    private final List<OutboxRecord> out = new ArrayList<>();

    /** The collaborators a transaction needs; one instance shared by all transactions. */
    record Repositories(RoomRepository rooms, RoomCreator creator, MessageRepository messages, EventRepository events,
            Outbox outbox) {
    }

    CommandTransaction(Connection connection, Repositories repositories, List<Decoded> batch, long now)
            throws SQLException {
        this.connection = connection;
        this.repositories = repositories;
        this.now = now;
        Set<String> roomIds = new HashSet<>();
        List<String> publishRooms = new ArrayList<>();
        List<String> publishMsgIds = new ArrayList<>();
        for (Decoded decoded : batch) {
            if (decoded instanceof Decoded.Accepted accepted) {
                ChatCommand command = accepted.command();
                roomIds.add(command.roomId());
                if (command.kind() == ChatCommand.Kind.PUBLISH) {
                    publishRooms.add(command.roomId());
                    publishMsgIds.add(command.msgId());
                }
            }
        }
        this.rooms = roomIds.isEmpty() ? new HashMap<>() : repositories.rooms().lockAll(connection, roomIds);
        // Under the room locks, so no other replica can store one of these msgIds until this transaction ends.
        for (StoredMessage known : repositories.messages().byMsgIds(connection, publishRooms, publishMsgIds)) {
            byMsgId.put(key(known.roomId(), known.msgId()), known);
        }
    }

    void apply(Decoded decoded) throws SQLException {
        if (decoded instanceof Decoded.Accepted accepted) {
            apply(accepted.command());
        } else if (decoded instanceof Decoded.Rejected rejected) {
            deadLetter(rejected.record(), rejected.reason(), rejected.reply());
        }
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, String reason, ChatReply reply) {
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        out.add(new OutboxRecord(Topics.CHAT_COMMANDS_DLQ, record.key(), payload, Map.of(
                "dlq-reason", reason,
                "dlq-topic", record.topic(),
                "dlq-partition", Integer.toString(record.partition()),
                "dlq-offset", Long.toString(record.offset()))));
        if (reply != null) {
            reply(reply);
        }
    }

    /** Writes what the batch produced; the caller commits. */
    void finish() throws SQLException {
        flushMessages();
        repositories.events().insertAll(connection, events);
        repositories.rooms().updateLatestSeqs(connection, changedSeqs);
        repositories.outbox().write(connection, out);
    }

    private void apply(ChatCommand command) throws SQLException {
        switch (command.kind()) {
            case PUBLISH -> publish(command);
            case EDIT, DELETE -> change(command);
        }
    }

    private void publish(ChatCommand command) throws SQLException {
        Room room = rooms.get(command.roomId());
        if (room == null) {
            room = createPublicRoom(command);
        }
        if (room.isPrivate() && role(room, command.userId()).isEmpty()) {
            reply(ChatReply.error(command, "forbidden", "only members may publish to this private room"));
            return;
        }
        StoredMessage original = byMsgId.get(key(room.id(), command.msgId()));
        if (original != null) {
            // A re-sent or redelivered publish: the ack carries the original seq, and there is no second event.
            reply(ChatReply.ok(command, original.seq(), original.messageId()));
            return;
        }
        long seq = room.latestSeq() + 1;
        String data = command.data().toString();
        StoredMessage message = new StoredMessage(room.id(), seq, newMessageId(), command.msgId(), command.userId(),
                data, now, null, false);
        newMessages.add(message);
        byMsgId.put(key(room.id(), command.msgId()), message);
        advance(room, seq);
        emit(new ChatEvent(ChatEvent.Kind.CREATED, room.id(), seq, message.messageId(), command.msgId(),
                command.userId(), command.userId(), command.data(), now), data, null);
        reply(ChatReply.ok(command, seq, message.messageId()));
    }

    private void change(ChatCommand command) throws SQLException {
        flushMessages(); // the message to change may be one this batch published
        Room room = rooms.get(command.roomId());
        if (room == null) {
            reply(ChatReply.error(command, "not_found", "no such room"));
            return;
        }
        Optional<String> role = role(room, command.userId());
        if (room.isPrivate() && role.isEmpty()) {
            reply(ChatReply.error(command, "forbidden", "only members may change messages of this private room"));
            return;
        }
        Long inBatch = changeCommands.get(key(room.id(), command.commandId()));
        Optional<Long> applied = inBatch != null ? Optional.of(inBatch)
                : repositories.events().seqOfCommand(connection, room.id(), command.commandId());
        if (applied.isPresent()) {
            reply(ChatReply.ok(command, applied.get(), command.messageId()));
            return;
        }
        Optional<StoredMessage> found = repositories.messages().byMessageId(connection, room.id(), command.messageId());
        if (found.isEmpty() || found.get().deleted()) {
            reply(ChatReply.error(command, "not_found", found.isEmpty() ? "no such message" : "the message was deleted"));
            return;
        }
        StoredMessage message = found.get();
        boolean moderator = role.filter(Roles.MODERATOR::equals).isPresent();
        if (!message.author().equals(command.userId()) && !moderator) {
            reply(ChatReply.error(command, "forbidden", "only the author or a moderator may change this message"));
            return;
        }
        long seq = room.latestSeq() + 1;
        boolean edit = command.kind() == ChatCommand.Kind.EDIT;
        String data = edit ? command.data().toString() : null;
        if (edit) {
            repositories.messages().edit(connection, room.id(), message.messageId(), data, now);
        } else {
            repositories.messages().delete(connection, room.id(), message.messageId());
        }
        advance(room, seq);
        changeCommands.put(key(room.id(), command.commandId()), seq);
        emit(new ChatEvent(edit ? ChatEvent.Kind.EDITED : ChatEvent.Kind.DELETED, room.id(), seq, message.messageId(),
                null, message.author(), command.userId(), edit ? command.data() : null, now), data,
                command.commandId());
        reply(ChatReply.ok(command, seq, message.messageId()));
    }

    private void flushMessages() throws SQLException {
        repositories.messages().insertAll(connection, newMessages);
        newMessages.clear();
    }

    private Room createPublicRoom(ChatCommand command) throws SQLException {
        Optional<Room> created = repositories.creator().create(connection, command.roomId(), Visibility.PUBLIC, null,
                command.userId(), null, now, out);
        Room room = created.isPresent() ? created.get()
                // Created meanwhile by someone else: take its lock like the rooms locked up front.
                : repositories.rooms().lock(connection, command.roomId())
                        .orElseThrow(() -> new SQLException("room vanished while being created", "40001"));
        if (created.isPresent()) {
            roles.put(key(room.id(), command.userId()), Optional.of(Roles.MODERATOR));
        }
        rooms.put(room.id(), room);
        return room;
    }

    private Optional<String> role(Room room, String userId) throws SQLException {
        String key = key(room.id(), userId);
        Optional<String> role = roles.get(key);
        if (role == null) {
            role = repositories.rooms().role(connection, room.id(), userId);
            roles.put(key, role);
        }
        return role;
    }

    private void advance(Room room, long seq) {
        rooms.put(room.id(), room.withLatestSeq(seq));
        changedSeqs.put(room.id(), seq);
    }

    private void emit(ChatEvent event, String data, String commandId) {
        events.add(new EventRepository.Row(event, data, commandId));
        out.add(repositories.outbox().json(Topics.CHAT_EVENTS, event.roomId(), event));
    }

    private void reply(ChatReply reply) {
        out.add(repositories.outbox().json(Topics.CHAT_REPLIES, reply.replyTo(), reply));
    }

    private static String key(String roomId, String other) {
        return roomId + '\u0000' + other;
    }

    private static String newMessageId() {
        return UUID.randomUUID().toString();
    }
}
