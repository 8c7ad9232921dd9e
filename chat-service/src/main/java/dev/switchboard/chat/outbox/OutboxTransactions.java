package dev.switchboard.chat.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.chat.db.Database;
import jakarta.enterprise.context.ApplicationScoped;

/** A transaction whose work may emit Kafka records: they are written to the outbox before the commit. */
@ApplicationScoped
public class OutboxTransactions {

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection, List<OutboxRecord> out) throws SQLException;
    }

    private final Database database;
    private final Outbox outbox;

    public OutboxTransactions(Database database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    public <T> T run(Work<T> work) {
        return database.inTransaction(connection -> {
            List<OutboxRecord> out = new ArrayList<>();
            T result = work.apply(connection, out);
            outbox.write(connection, out);
            return result;
        });
    }
}
