package com.brandclosure.platform.inbox;

import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the infrastructure (database or broker unavailable, a lock not had in time, a
 * race lost too often) from a failure of the record's content. The first is retried with backoff
 * until it passes and never dead-letters anything; only the second dead-letters and parks.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof CannotAcquireLockException || t instanceof ConcurrencyConflictException
                    // The transaction could not be committed or rolled back: its connection is gone (the pool's
                    // "Connection is closed" carries no SQLState). Whatever the work threw is retried with it.
                    || t instanceof org.springframework.transaction.TransactionSystemException
                    || t instanceof com.brandclosure.platform.eventstore.AccountBusyException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Connection failures (08), lock timeouts (55P03), operator intervention (57P0x), resources (53). */
    private static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("55P03")
                || state.equals("40001") || state.equals("40P01");
    }
}
