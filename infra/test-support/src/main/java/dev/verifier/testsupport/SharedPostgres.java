package dev.verifier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 15 server per test JVM (io.zonky embedded binaries), with one database per name asked for.
 * Stopped when the JVM exits.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres postgres;
    private static final Set<String> DATABASES = new HashSet<>();
    private static final List<AutoCloseable> USERS = new CopyOnWriteArrayList<>();

    private SharedPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    USERS.forEach(SharedPostgres::closeQuietly);
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }, "shared-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * Registers processes that use the server (a running stack) to be stopped before the server at JVM exit; stopping
     * them after it would leave them failing on a database that is gone while they shut down.
     */
    public static void closeBeforeServer(AutoCloseable user) {
        USERS.add(user);
    }

    private static void closeQuietly(AutoCloseable user) {
        try {
            user.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    /** Creates {@code database} once (a fresh, empty database) and answers its JDBC URL. */
    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres server = server();
        if (DATABASES.add(database)) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }

    /** Properties that point a Micronaut context's default datasource at {@code database} on the shared server. */
    public static Map<String, String> properties(String database) {
        return Map.of(
                "datasources.default.url", jdbcUrl(database),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "datasources.default.driver-class-name", "org.postgresql.Driver");
    }
}
