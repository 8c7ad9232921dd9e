package dev.switchboard.chat.commands;

import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Turns a chat.commands record into a valid ChatCommand, or into the reason it is not one. */
@ApplicationScoped
public class CommandDecoder {

    private final ObjectMapper mapper;
    private final Validator validator;

    public CommandDecoder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    Decoded decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            return new Decoded.Rejected(record, "empty record", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(record.value());
        } catch (IOException e) {
            return new Decoded.Rejected(record, "not JSON: " + firstLine(e.getMessage()), null);
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Rejected(record, "not a JSON object", null);
        }
        ChatCommand command;
        try {
            command = mapper.treeToValue(tree, ChatCommand.class);
        } catch (IOException e) {
            String reason = "not a ChatCommand: " + firstLine(e.getMessage());
            return new Decoded.Rejected(record, reason, replyFromTree(tree, "invalid value of " + fieldOf(e)));
        }
        Set<ConstraintViolation<CheckedCommand>> violations = validator.validate(new CheckedCommand(command));
        if (violations.isEmpty()) {
            return new Decoded.Accepted(record, command);
        }
        String reason = violations.stream()
                .map(v -> field(v) + ": " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
        boolean canReply = command.replyTo() != null && !command.replyTo().isBlank();
        return new Decoded.Rejected(record, reason, canReply ? ChatReply.error(command, "bad_request", reason) : null);
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.startsWith("command.") ? path.substring("command.".length()) : path;
    }

    /** A command of an unknown shape may still say who sent it: then that sender hears why it was refused. */
    private static ChatReply replyFromTree(JsonNode tree, String reason) {
        String replyTo = tree.path("replyTo").asText(null);
        if (replyTo == null || replyTo.isBlank()) {
            return null;
        }
        return new ChatReply(tree.path("commandId").asText(null), replyTo, tree.path("roomId").asText(null), false, 0,
                null, "bad_request", reason);
    }

    private static String fieldOf(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "the command";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
