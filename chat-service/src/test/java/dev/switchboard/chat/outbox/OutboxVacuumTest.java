package dev.switchboard.chat.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The vacuum on the real database: when it runs, and that a failing one never stops the relay's round. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OutboxVacuumTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    /** The application's own relay vacuums too: only count once it has taken over and has nothing left to relay. */
    @BeforeEach
    void relayIsIdle() {
        await().atMost(Duration.ofSeconds(120)).until(() -> relay.isLeader() && OutboxTable.rows(dataSource) == 0);
    }

    @Test
    void vacuumsOnceEnoughRowsWereDeletedAndNeverWhenTurnedOff() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            OutboxVacuum everyTen = new OutboxVacuum(10);
            long before = OutboxTable.vacuums(connection);
            everyTen.deleted(connection, 6);
            assertEquals(before, OutboxTable.vacuums(connection), "6 of 10 deleted rows: not yet");
            everyTen.deleted(connection, 4);
            assertEquals(before + 1, OutboxTable.vacuums(connection), "10 of 10: vacuumed");
            everyTen.deleted(connection, 9);
            assertEquals(before + 1, OutboxTable.vacuums(connection), "the count starts again after a vacuum");

            OutboxVacuum off = new OutboxVacuum(0);
            off.deleted(connection, 1_000_000);
            off.run(connection);
            assertEquals(before + 1, OutboxTable.vacuums(connection), "0 leaves the outbox to autovacuum");
        }
    }

    @Test
    void aVacuumThatFailsIsReportedNotThrown() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // VACUUM cannot run inside a transaction block: PostgreSQL refuses it, as it would a timed-out one.
            connection.setAutoCommit(false);
            long before = OutboxTable.vacuums(connection);
            new OutboxVacuum(1).deleted(connection, 1);
            connection.rollback();
            assertEquals(before, OutboxTable.vacuums(connection));
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
