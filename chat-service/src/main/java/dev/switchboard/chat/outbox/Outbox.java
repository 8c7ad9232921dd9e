package dev.switchboard.chat.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.db.Sql;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes Kafka records into the outbox table inside the caller's transaction, so they exist exactly when the change
 * that caused them is committed. A NOTIFY wakes the relay at commit time (PostgreSQL delivers it only then).
 */
@ApplicationScoped
public class Outbox {

    public static final String CHANNEL = "chat_outbox";

    private static final String INSERT = "INSERT INTO outbox (topic, record_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)";

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A record whose value is {@code value} as JSON. */
    public OutboxRecord json(String topic, String key, Object value) {
        try {
            return new OutboxRecord(topic, key, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public void write(Connection connection, List<OutboxRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Sql.batch(connection, INSERT, records,
                r -> new Object[] { r.topic(), r.key(), r.payload(), headersJson(r.headers()) });
        try (Statement notify = connection.createStatement()) {
            notify.execute("NOTIFY " + CHANNEL);
        }
    }

    private String headersJson(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
