package dev.switchboard.chat.commands;

import dev.switchboard.contracts.chat.ChatCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What the validator checks: the contract's own constraints (cascaded) plus the kind- and config-dependent rules. */
record CheckedCommand(@NotNull @Valid @WellFormedCommand ChatCommand command) {
}
