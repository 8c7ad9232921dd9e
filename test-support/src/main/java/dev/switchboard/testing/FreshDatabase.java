package dev.switchboard.testing;

/** Where the test PostgreSQL server is, and the URL of one database on it. */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    /** A database on the server to connect to while creating and dropping the test databases. */
    public static String adminUrl() {
        return env("SWITCHBOARD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("SWITCHBOARD_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("SWITCHBOARD_TEST_PG_PASSWORD", "");
    }

    public static String urlOf(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String params = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
