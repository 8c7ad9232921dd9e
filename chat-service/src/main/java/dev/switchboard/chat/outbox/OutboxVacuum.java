package dev.switchboard.chat.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

/**
 * Vacuums the outbox every so many deleted rows. The outbox is a queue: rows are inserted at the end of its id index
 * and deleted from the front, and a deleted row stays in the table and the index until a vacuum. The relay's
 * {@code ORDER BY id LIMIT n} starts at the front, so it walks past every row deleted since the last vacuum: with
 * autovacuum off (or a minute behind, its default pace) that grew to hundreds of thousands of rows and 10-40 ms a
 * round under load. Vacuuming a table that holds few live rows takes a few milliseconds. Relay thread only.
 */
final class OutboxVacuum {

    private static final Logger LOG = Logger.getLogger(OutboxVacuum.class);

    private final long after;
    private long deleted;

    /** {@code after} deleted rows between vacuums; 0 never vacuums. */
    OutboxVacuum(long after) {
        this.after = after;
    }

    /** The relay deleted {@code rows} rows; vacuums once enough have been deleted. */
    void deleted(Connection connection, int rows) {
        deleted += rows;
        if (after > 0 && deleted >= after) {
            run(connection);
        }
    }

    /**
     * Vacuums now (when the relay takes over, what others left behind). The connection must be in auto-commit mode:
     * VACUUM cannot run inside a transaction. A role that does not own the table gets a warning from PostgreSQL and
     * vacuums nothing, which is no worse than not asking. A vacuum that fails (a statement or lock timeout, a cancel)
     * is only logged: relaying must never depend on it, or every replica in turn would take the relay lock, fail
     * and give it up.
     */
    void run(Connection connection) {
        if (after == 0) {
            return;
        }
        long t0 = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM outbox");
            LOG.debugf("Vacuumed the outbox after %d deleted rows in %d us", deleted, (System.nanoTime() - t0) / 1000);
        } catch (SQLException e) {
            LOG.warnf("Could not vacuum the outbox (relaying goes on, the next try after %d deleted rows): %s", after,
                    e.getMessage());
        }
        deleted = 0;
    }
}
