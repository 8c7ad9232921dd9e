package dev.switchboard.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.ticker.Tick;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** The records survive the JSON round trip the services do over Kafka, and their constraints reject bad commands. */
class ContractsJsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aChatCommandRoundTripsThroughJson() throws Exception {
        ChatCommand command = new ChatCommand(ChatCommand.Kind.PUBLISH, "c-1", "gateway-a", "lobby", "alice", "m-1", null,
                json.readTree("{\"text\":\"hi\",\"extra\":[1,2]}"), 42L);
        ChatCommand back = json.readValue(json.writeValueAsBytes(command), ChatCommand.class);
        assertEquals(command, back);
        assertEquals("hi", back.data().path("text").asText());
    }

    @Test
    void aTickRoundTripsThroughJson() throws Exception {
        Tick tick = new Tick("AAPL", 7, "market", json.readTree("{\"price\":101.5}"), 1_000L);
        assertEquals(tick, json.readValue(json.writeValueAsString(tick), Tick.class));
    }

    @Test
    void aCommandWithABadRoomIdOrNoSenderIsInvalid() {
        ChatCommand bad = new ChatCommand(ChatCommand.Kind.PUBLISH, "c-1", "gateway-a", "no spaces/allowed", "", "m-1",
                null, null, 0L);
        Set<ConstraintViolation<ChatCommand>> violations = validator.validate(bad);
        assertTrue(violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("roomId")));
        assertTrue(violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("userId")));
    }

    @Test
    void theIdGrammarMatchesTheProtocol() {
        assertTrue(Ids.isValid("lobby"));
        assertTrue(Ids.isValid("A-Z_0.9"));
        assertTrue(Ids.isValid("x".repeat(128)));
        assertFalse(Ids.isValid("x".repeat(129)));
        assertFalse(Ids.isValid(""));
        assertFalse(Ids.isValid("room:lobby"));
        assertFalse(Ids.isValid(null));
    }
}
