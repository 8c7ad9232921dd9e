package dev.switchboard.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh, empty PostgreSQL database for one test run, on a real server: the one at SWITCHBOARD_TEST_PG_URL, by
 * default the machine's own (jdbc:postgresql://127.0.0.1:5432/test, user postgres, trust auth). It is dropped after.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        database = "switchboard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", FreshDatabase.urlOf(database),
                "quarkus.datasource.username", FreshDatabase.user(),
                "quarkus.datasource.password", FreshDatabase.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(FreshDatabase.adminUrl(), FreshDatabase.user(),
                FreshDatabase.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + FreshDatabase.adminUrl()
                    + " (set SWITCHBOARD_TEST_PG_URL, or start the machine's PostgreSQL): " + e.getMessage(), e);
        }
    }
}
