package dev.switchboard.chat.commands;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.switchboard.contracts.chat.ChatCommand;
import dev.switchboard.contracts.chat.ChatReply;

/** A record from chat.commands after decoding and validation: a command to apply, or a rejection for the DLQ. */
sealed interface Decoded {

    ConsumerRecord<String, byte[]> record();

    record Accepted(ConsumerRecord<String, byte[]> record, ChatCommand command) implements Decoded {
    }

    /** {@code reply} is the bad_request answer to the sender, when the record said who the sender is. */
    record Rejected(ConsumerRecord<String, byte[]> record, String reason, ChatReply reply) implements Decoded {
    }
}
