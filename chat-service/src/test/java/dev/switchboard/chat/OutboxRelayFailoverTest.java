package dev.switchboard.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.config.KafkaSettings;
import dev.switchboard.chat.outbox.OutboxRelay;
import dev.switchboard.chat.outbox.OutboxTable;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatReply;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * One outbox relay at a time: a second replica's relay stands by, and takes over when the first one stops. What it
 * has sent leaves the outbox and is sent once.
 */
@QuarkusTest
class OutboxRelayFailoverTest extends ChatServiceTestBase {

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaSettings kafkaSettings;
    @Inject
    ChatConfig config;
    @Inject
    ObjectMapper mapper;

    @Test
    void standbyRelayTakesOverWhenTheLeaderStops() {
        String room = room();
        await().atMost(WAIT).until(relay::isLeader);
        OutboxRelay standby = new OutboxRelay(dataSource, kafkaSettings, config, mapper);
        standby.start();
        try {
            ChatReply first = sendAndAwaitReply(kafka.publish(room, "ann", "f1", "via the first relay"));
            assertTrue(first.ok());
            assertFalse(standby.isLeader(), "the lock is held by the first relay");

            relay.stop();
            await().atMost(WAIT).until(standby::isLeader);
            ChatReply second = sendAndAwaitReply(kafka.publish(room, "ann", "f2", "via the standby"));
            assertEquals(2, second.seq());
            await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= 2);
            assertEquals(List.of(1L, 2L), kafka.eventsOf(room).stream().map(ChatEvent::seq).toList());
        } finally {
            standby.stop();
            relay.start();
        }
        await().atMost(WAIT).until(relay::isLeader);
        assertEquals(3, sendAndAwaitReply(kafka.publish(room, "ann", "f3", "back to the first")).seq());
    }

    @Test
    void relayedRowsLeaveTheOutboxAndAreSentOnce() {
        String room = room();
        await().atMost(WAIT).until(relay::isLeader);
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, sendAndAwaitReply(kafka.publish(room, "ann", "o" + i, "message " + i)).seq());
        }

        await().atMost(WAIT).until(() -> OutboxTable.rows(dataSource) == 0);
        await().atMost(WAIT).until(() -> kafka.eventsOf(room).size() >= 3);
        assertEquals(List.of(1L, 2L, 3L), kafka.eventsOf(room).stream().map(ChatEvent::seq).toList());
    }

    @Test
    void theRelayVacuumsTheOutboxOnceItHasDeletedEnoughRows() throws SQLException {
        String room = room();
        await().atMost(WAIT).until(relay::isLeader);
        await().atMost(WAIT).until(() -> OutboxTable.rows(dataSource) == 0);
        long before = OutboxTable.vacuums(dataSource);
        int rows = 0;
        // Each publish leaves two rows (the event and the reply); the test profile vacuums after 20.
        for (int i = 1; rows < config.outbox().vacuumAfter(); i++, rows += 2) {
            assertEquals(i, sendAndAwaitReply(kafka.publish(room, "ann", "v" + i, "message " + i)).seq());
        }
        await().atMost(WAIT).until(() -> OutboxTable.rows(dataSource) == 0 && OutboxTable.vacuums(dataSource) > before);
        assertEquals(before + 1, OutboxTable.vacuums(dataSource), "one vacuum per vacuum-after deleted rows");
    }
}
