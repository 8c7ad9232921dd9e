package dev.switchboard.chat.commands;

import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.chat.config.ChatConfig;
import dev.switchboard.chat.config.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts this replica's member of the command consumer group with the application, and makes more on demand. */
@ApplicationScoped
public class CommandConsumers {

    private final KafkaSettings kafka;
    private final CommandProcessor processor;
    private final ChatConfig config;
    private final AtomicInteger instances = new AtomicInteger();
    private volatile CommandConsumer main;

    public CommandConsumers(KafkaSettings kafka, CommandProcessor processor, ChatConfig config) {
        this.kafka = kafka;
        this.processor = processor;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.commands().enabled()) {
            main = create();
            main.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (main != null) {
            main.close();
        }
    }

    /** A new, not yet started member of the same consumer group (another "instance" of the command path). */
    public CommandConsumer create() {
        String name = "chat-commands-" + instances.incrementAndGet();
        return new CommandConsumer(name, kafka.consumer(name), processor, config.commands().pollTimeout(),
                config.commands().retryBackoff());
    }

    /** The consumer started with the application; null when switchboard.chat.commands.enabled is false. */
    public CommandConsumer main() {
        return main;
    }
}
