package dev.switchboard.chat.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** What tests read of the outbox table: the rows waiting, and how often it was vacuumed. */
public final class OutboxTable {

    private OutboxTable() {
    }

    public static long rows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return single(connection, "SELECT count(*) FROM outbox");
        }
    }

    /** Manual vacuums of the outbox so far (the relay's; autovacuum counts apart). */
    public static long vacuums(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return vacuums(connection);
        }
    }

    public static long vacuums(Connection connection) throws SQLException {
        return single(connection, "SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = 'outbox'::regclass");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
