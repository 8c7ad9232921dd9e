package dev.switchboard.chat.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.contracts.chat.ChatCommand;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link WellFormedCommand}; the limits come from {@link ChatConfig}. A bean, so it gets them injected. */
@Singleton
public class WellFormedCommandValidator implements ConstraintValidator<WellFormedCommand, ChatCommand> {

    // A Provider: the validator factory is built at static init, before runtime configuration exists.
    private final Provider<ChatConfig> config;
    private final Provider<ObjectMapper> mapper;

    public WellFormedCommandValidator(Provider<ChatConfig> config, Provider<ObjectMapper> mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public boolean isValid(ChatCommand command, ConstraintValidatorContext context) {
        if (command == null || command.kind() == null) {
            return true; // @NotNull reports these
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        switch (command.kind()) {
            case PUBLISH -> {
                valid &= present(command.msgId(), "msgId", context);
                valid &= validData(command.data(), context);
            }
            case EDIT -> {
                valid &= present(command.messageId(), "messageId", context);
                valid &= validData(command.data(), context);
            }
            case DELETE -> valid &= present(command.messageId(), "messageId", context);
        }
        return valid;
    }

    private static boolean present(String value, String field, ConstraintValidatorContext context) {
        if (value != null && !value.isBlank()) {
            return true;
        }
        return violation(context, field, "must not be blank");
    }

    private boolean validData(JsonNode data, ConstraintValidatorContext context) {
        if (data == null || !data.isObject()) {
            return violation(context, "data", "must be an object with a text");
        }
        JsonNode text = data.get("text");
        if (text == null || !text.isTextual()) {
            return violation(context, "data.text", "must be a string");
        }
        String problem = MessageText.problem(text.textValue(), config.get().maxTextLength());
        if (problem != null) {
            return violation(context, "data.text", problem);
        }
        int size = serializedSize(data);
        if (size > config.get().maxDataBytes()) {
            return violation(context, "data", "must be at most " + config.get().maxDataBytes() + " bytes as JSON, was " + size);
        }
        return true;
    }

    private int serializedSize(JsonNode data) {
        try {
            return mapper.get().writeValueAsBytes(data).length;
        } catch (JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
