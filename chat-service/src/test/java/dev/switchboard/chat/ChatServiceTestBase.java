package dev.switchboard.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.testing.KafkaTestResource;
import dev.switchboard.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.specification.RequestSpecification;

/** What every chat-service integration test uses: the real broker and database, and a Kafka client of its own. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
abstract class ChatServiceTestBase {

    /** Generous: the machine is small and shared. */
    static final Duration WAIT = Duration.ofSeconds(120);
    static final String PROBLEM = "application/problem+json";

    static ChatKafka kafka;

    @BeforeAll
    static void connectKafka() {
        kafka = new ChatKafka();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** A request acting as {@code user}, as the gateway would send it. */
    static RequestSpecification as(String user) {
        return given().header("X-Switchboard-User", user).contentType("application/json");
    }

    /** A room id no other test uses. */
    static String room() {
        return "room-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ChatReply sendAndAwaitReply(ChatCommand command) {
        kafka.send(command);
        await().atMost(WAIT).until(() -> kafka.replyTo(command) != null);
        return kafka.replyTo(command);
    }

    static void sendAndAwaitReplies(List<ChatCommand> commands) {
        commands.forEach(kafka::send);
        await().atMost(WAIT).until(() -> commands.stream().allMatch(c -> kafka.replyTo(c) != null));
    }
}
