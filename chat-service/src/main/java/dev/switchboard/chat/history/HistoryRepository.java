package dev.switchboard.chat.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.switchboard.chat.db.Sql;
import dev.switchboard.chat.messages.MessageRepository;
import dev.switchboard.chat.messages.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Pages of messages by seq, on the (room_id, seq) primary key index. */
@ApplicationScoped
public class HistoryRepository {

    /**
     * Messages with after &lt; seq &lt; before, ascending. Without {@code after} the page is the newest ones below
     * {@code before} (paging backwards); with it, the oldest ones above {@code after} (paging forwards). At most
     * {@code limit} + 1 are returned, so the caller can tell whether there are more.
     */
    public List<StoredMessage> page(Connection connection, String roomId, Long before, Long after, int limit)
            throws SQLException {
        boolean forwards = after != null;
        String sql = "SELECT " + MessageRepository.COLUMNS + " FROM messages WHERE room_id = ? AND seq > ? AND seq < ? "
                + (forwards ? "ORDER BY seq ASC" : "ORDER BY seq DESC") + " LIMIT ?";
        List<StoredMessage> page = new ArrayList<>(Sql.list(connection, sql, MessageRepository::read, roomId,
                after == null ? 0L : after, before == null ? Long.MAX_VALUE : before, limit + 1));
        if (!forwards) {
            Collections.reverse(page);
        }
        return page;
    }
}
