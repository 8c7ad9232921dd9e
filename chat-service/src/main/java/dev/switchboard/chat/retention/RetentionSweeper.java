package dev.switchboard.chat.retention;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.db.Database;
import dev.switchboard.chat.db.Sql;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Removes messages and events older than their room's retention (or the default one; none means forever). The
 * events endpoint then reports a higher earliestSeq, which tells gateways that an older gap cannot be filled.
 */
@ApplicationScoped
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class);

    private static final String EXPIRED = " USING rooms r WHERE t.room_id = r.id "
            + "AND COALESCE(r.retention_ms, ?::bigint) IS NOT NULL AND t.ts < ? - COALESCE(r.retention_ms, ?::bigint)";

    private final Database database;
    private final ChatConfig.Retention config;
    private ScheduledExecutorService scheduler;

    public RetentionSweeper(Database database, ChatConfig config) {
        this.database = database;
        this.config = config.retention();
    }

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chat-retention");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void sweepSafely() {
        try {
            long removed = sweep(System.currentTimeMillis());
            if (removed > 0) {
                LOG.infof("Retention removed %d expired messages and events", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention sweep failed, next one will retry: %s", e.getMessage());
        }
    }

    /** Removes what expired as of {@code now}; returns the number of rows removed. */
    public long sweep(long now) {
        Long defaultMs = config.defaultPeriod().map(d -> d.toMillis()).orElse(null);
        return database.inTransaction(connection -> {
            long removed = 0;
            for (String table : new String[] { "messages", "room_events" }) {
                removed += Sql.update(connection, "DELETE FROM " + table + " t" + EXPIRED, defaultMs, now, defaultMs);
            }
            return removed;
        });
    }
}
