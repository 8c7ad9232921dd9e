package dev.switchboard.chat.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.config.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends committed outbox rows to Kafka in id order, then deletes them. One replica at a time is the relay (it holds a
 * PostgreSQL advisory lock on its connection), which keeps every room's events in seq order across replicas; if it
 * dies its connection closes, the lock is released and another replica takes over. Delivery is at least once: a relay
 * that dies between the send and the delete re-sends those rows, and consumers drop an event whose seq they have seen.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x5357_4348_4154_4F42L; // "SWCHATOB"
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final KafkaSettings kafka;
    private final ChatConfig.Outbox config;
    private final ObjectMapper mapper;
    private final OutboxVacuum vacuum;

    private static final AtomicInteger instances = new AtomicInteger();

    private volatile boolean running;
    private volatile boolean leader;
    private volatile String lastFailure;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, KafkaSettings kafka, ChatConfig config, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config.outbox();
        this.mapper = mapper;
        this.vacuum = new OutboxVacuum(this.config.vacuumAfter());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying (or standing by, while another relay holds the lock). */
    public synchronized void start() {
        producer = new KafkaProducer<>(kafka.producer("chat-service-outbox-" + instances.incrementAndGet()));
        running = true;
        thread = new Thread(this::run, "chat-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops relaying and frees the lock, so another replica's relay takes over. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** Null while healthy; otherwise why the last round failed. */
    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    execute(connection, "LISTEN " + Outbox.CHANNEL);
                    loop(connection);
                } finally {
                    release(connection);
                }
            } catch (SQLException | RuntimeException e) {
                leader = false;
                if (running) {
                    lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warnf("Outbox relay round failed, retrying: %s", lastFailure);
                    pause(config.leaderRetry().toMillis());
                }
            }
        }
        leader = false;
    }

    private void loop(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
            if (!leader) {
                if (!tryLock(connection)) {
                    lastFailure = null;
                    pause(config.leaderRetry().toMillis());
                    continue;
                }
                vacuum.run(connection);
                leader = true;
                LOG.info("This replica is now the outbox relay");
            }
            long t0 = System.nanoTime();
            int sent = relayBatch(connection);
            if (sent > 0 && LOG.isDebugEnabled()) {
                LOG.debugf("Relayed %d outbox records in %d us", sent, (System.nanoTime() - t0) / 1000);
            }
            vacuum.deleted(connection, sent);
            lastFailure = null;
            if (sent < config.batchSize()) {
                notifications.getNotifications((int) config.idlePoll().toMillis());
            }
        }
    }

    /**
     * The connection goes back to the pool, not away: the session's lock and LISTEN must be given up explicitly, or
     * an idle pooled connection would keep this replica (and every other) from relaying.
     */
    private void release(Connection connection) {
        leader = false;
        try {
            execute(connection, "UNLISTEN *");
            execute(connection, "SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // A broken connection: its session ends on the server, and the lock with it.
            LOG.debugf("Could not release the relay lock explicitly: %s", e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int relayBatch(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, record_key, payload, headers::text FROM outbox ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getBytes(4));
                    addHeaders(record, rs.getString(5));
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (Exception e) {
                // Nothing is deleted: the whole batch goes again (at least once), in the same order.
                throw new IllegalStateException("Kafka did not accept an outbox record: " + e.getMessage(), e);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        return ids.size();
    }

    private void addHeaders(ProducerRecord<String, byte[]> record, String json) {
        if (json == null) {
            return;
        }
        try {
            mapper.readValue(json, HEADERS)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable outbox headers", e);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
