package dev.switchboard.chat.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The few shapes of JDBC call the repositories make, with positional parameters. */
public final class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder<T> {
        Object[] values(T item);
    }

    private Sql() {
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... params)
            throws SQLException {
        List<T> all = list(connection, sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... params)
            throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(row.read(rs));
            }
        }
        return result;
    }

    /** One statement for all items, sent as a single batch (a multi-row insert with reWriteBatchedInserts). */
    public static <T> void batch(Connection connection, String sql, Collection<T> items, Binder<T> binder)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                bind(statement, binder.values(item));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A nullable BIGINT column as a Long. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
