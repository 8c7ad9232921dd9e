package dev.switchboard.chat.db;

import java.sql.SQLException;

/** A failed database call; its SQLState says whether trying again may succeed. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** Deadlock, serialization failure or unique violation: all possible while two replicas briefly share a room. */
    public boolean isTransient() {
        String state = sqlState();
        return state != null && (state.equals("40P01") || state.equals("40001") || state.equals("23505"));
    }

    /**
     * The statement failed because of the data it carried (invalid value, constraint, bad JSON), not because the
     * database is unreachable: trying the same record again cannot help.
     */
    public boolean isCausedByData() {
        String state = sqlState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")
                || state.startsWith("21") || state.startsWith("44") || state.startsWith("40"));
    }
}
