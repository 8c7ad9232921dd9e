package dev.switchboard.chat.commands;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.db.DatabaseException;
import dev.switchboard.chat.messages.EventRepository;
import dev.switchboard.chat.messages.MessageRepository;
import dev.switchboard.chat.outbox.Outbox;
import dev.switchboard.chat.rooms.RoomCreator;
import dev.switchboard.chat.rooms.RoomRepository;
import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Handles records of chat.commands: a batch in one transaction, retried when a conflict with another replica aborts
 * it; if it keeps failing, record by record, so one record the database refuses cannot hold back the good ones. A
 * record that fails alone goes to the DLQ. When nothing can be written at all (database down), it throws, and the
 * consumer tries the same records again: nothing is lost. Stateless and thread-safe: several consumers may share it.
 */
@ApplicationScoped
public class CommandProcessor {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final Database database;
    private final CommandDecoder decoder;
    private final CommandTransaction.Repositories repositories;
    private final int attempts;
    private final Counter commands;
    private final Counter deadLetters;

    public CommandProcessor(Database database, CommandDecoder decoder, RoomRepository rooms, RoomCreator creator,
            MessageRepository messages, EventRepository events, Outbox outbox, ChatConfig config,
            MeterRegistry registry) {
        this.database = database;
        this.decoder = decoder;
        this.repositories = new CommandTransaction.Repositories(rooms, creator, messages, events, outbox);
        this.attempts = config.commands().attempts();
        this.commands = registry.counter("switchboard.chat.commands");
        this.deadLetters = registry.counter("switchboard.chat.commands.dead_lettered");
    }

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> batch = records.stream().map(decoder::decode).toList();
        commands.increment(batch.size());
        deadLetters.increment(batch.stream().filter(Decoded.Rejected.class::isInstance).count());
        long t0 = System.nanoTime();
        applyWithRetries(batch);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Applied %d commands in %d us", batch.size(), (System.nanoTime() - t0) / 1000);
        }
    }

    private void applyWithRetries(List<Decoded> batch) {
        DatabaseException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                apply(batch);
                return;
            } catch (DatabaseException e) {
                failure = e;
                if (!e.isTransient()) {
                    break;
                }
                LOG.debugf("Command batch conflicted (attempt %d): %s", attempt, e.getMessage());
            }
        }
        if (!failure.isCausedByData()) {
            throw failure; // the database is unreachable or failing: the consumer tries these records again later
        }
        if (batch.size() == 1) {
            deadLetterAlone(batch.get(0), failure);
            return;
        }
        LOG.warnf("A batch of %d commands failed (%s); applying them one by one", batch.size(), failure.getMessage());
        for (Decoded decoded : batch) {
            applyWithRetries(List.of(decoded));
        }
    }

    private void apply(List<Decoded> batch) {
        long now = System.currentTimeMillis();
        database.inTransaction(connection -> {
            CommandTransaction transaction = new CommandTransaction(connection, repositories, batch, now);
            for (Decoded decoded : batch) {
                transaction.apply(decoded);
            }
            transaction.finish();
            return null;
        });
    }

    /** The record keeps failing on its own because of what it holds: it goes to the DLQ, with a reply. */
    private void deadLetterAlone(Decoded decoded, DatabaseException failure) {
        LOG.errorf(failure, "Command at %s-%d@%d failed; sending it to the DLQ", decoded.record().topic(),
                decoded.record().partition(), decoded.record().offset());
        String reason = "processing failed: SQLState " + failure.sqlState();
        ChatReply reply = decoded instanceof Decoded.Rejected rejected ? rejected.reply()
                : refusal(((Decoded.Accepted) decoded).command(), failure);
        database.inTransaction(connection -> {
            CommandTransaction transaction = new CommandTransaction(connection, repositories, List.of(), 0);
            transaction.deadLetter(decoded.record(), reason, reply);
            transaction.finish();
            return null;
        });
        deadLetters.increment();
    }

    /** A data exception (SQLState class 22, e.g. a \u0000 PostgreSQL cannot store in jsonb) is the sender's. */
    private static ChatReply refusal(ChatCommand command, DatabaseException failure) {
        String state = failure.sqlState();
        return state != null && state.startsWith("22")
                ? ChatReply.error(command, "bad_request", "the message data cannot be stored")
                : ChatReply.error(command, "internal", "the command could not be processed");
    }
}
