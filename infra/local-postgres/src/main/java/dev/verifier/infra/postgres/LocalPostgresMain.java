package dev.verifier.infra.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server for the local high-availability stack, from the io.zonky binaries on Maven Central (as
 * the tests use), its data kept in a folder across runs, running until the JVM is told to stop. Creates each named
 * database once. Usage: {@code LocalPostgresMain port data-folder database...}; user and password {@code postgres}.
 */
public final class LocalPostgresMain {

    private LocalPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        List<String> databases = Arrays.asList(args).subList(2, args.length);
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
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            stopped.countDown();
        }, "local-postgres-shutdown"));
        for (String database : databases) {
            createOnce(postgres, database);
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data " + dataDir + ", databases "
                + String.join(", ", databases) + ")");
        stopped.await();
    }

    private static void createOnce(EmbeddedPostgres postgres, String database) throws Exception {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }
}
