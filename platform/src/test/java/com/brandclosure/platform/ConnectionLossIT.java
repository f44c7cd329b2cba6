package com.brandclosure.platform;

import com.brandclosure.platform.inbox.Failures;
import com.brandclosure.testkit.Infrastructure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A transaction whose connection the server cuts (pg_terminate_backend, as in a PostgreSQL restart) fails with
 * whatever the driver, the pool and the transaction manager make of it, often "JDBC rollback failed" around the
 * closed connection. Whatever the shape, it is the infrastructure failing, never the record's content: a
 * consumer must retry it, not dead-letter the record and park the account (the chaos journey found exactly that:
 * a PostgreSQL restart parked accounts on the orchestrator's summary consumer).
 */
class ConnectionLossIT {

    private final Infrastructure infra = Infrastructure.get();

    @Test
    void a_transaction_whose_connection_is_cut_fails_transiently_whether_it_was_committing_or_rolling_back() {
        String url = infra.freshDatabase("platform_connection_loss");
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(infra.postgresUser());
        config.setPassword(infra.postgresPassword());
        config.setMaximumPoolSize(2);
        try (var ds = new HikariDataSource(config)) {
            var jdbc = new JdbcTemplate(ds);
            var tx = new TransactionTemplate(new JdbcTransactionManager(ds));
            jdbc.execute("CREATE TABLE effects (v int)");

            // Cut while the work goes on: the next statement fails, then the rollback on the dead connection.
            Throwable duringWork = catchThrowable(() -> tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO effects VALUES (1)");
                infra.terminateConnections("platform_connection_loss");
                jdbc.update("INSERT INTO effects VALUES (2)");
            }));
            // Cut after the work, before the commit: the commit fails.
            Throwable atCommit = catchThrowable(() -> tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO effects VALUES (3)");
                infra.terminateConnections("platform_connection_loss");
            }));
            // The handler throws a content failure after the connection was cut: the rollback fails and hides it.
            Throwable rollbackFailed = catchThrowable(() -> tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO effects VALUES (4)");
                infra.terminateConnections("platform_connection_loss");
                throw new IllegalArgumentException("the record's content, found after the connection was cut");
            }));

            assertThat(duringWork).as("cut during the work").isNotNull();
            assertThat(Failures.isTransient(duringWork)).as(chain(duringWork)).isTrue();
            assertThat(atCommit).as("cut before the commit").isNotNull();
            assertThat(Failures.isTransient(atCommit)).as(chain(atCommit)).isTrue();
            assertThat(rollbackFailed).as("cut before the rollback").isNotNull();
            assertThat(Failures.isTransient(rollbackFailed)).as(chain(rollbackFailed)).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM effects", Integer.class)).as("nothing committed").isZero();
        }
    }

    private static String chain(Throwable t) {
        var out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
            if (c instanceof java.sql.SQLException sql) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
        }
        return out.toString();
    }
}
