package dev.switchboard.gateway.chat;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.chat.ChatReply;
import dev.switchboard.gateway.messaging.TopicListener;
import jakarta.enterprise.context.ApplicationScoped;

/** chat.replies: completes the publishes this replica is waiting for. */
@ApplicationScoped
public class ChatRepliesListener implements TopicListener<ChatReply> {

    private final PublishService publishes;

    public ChatRepliesListener(PublishService publishes) {
        this.publishes = publishes;
    }

    @Override
    public String topic() {
        return Topics.CHAT_REPLIES;
    }

    @Override
    public Class<ChatReply> type() {
        return ChatReply.class;
    }

    @Override
    public void on(ChatReply reply) {
        publishes.onReply(reply);
    }
}
