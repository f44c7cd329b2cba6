package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a use case in one transaction and runs it again (reloading everything) when it lost a
 * race: a concurrent append to the same stream or a deadlock between two batches. Giving up
 * after a few attempts surfaces the conflict (409 on the web, retry/DLT on Kafka).
 */
final class Transactions {

    private static final int ATTEMPTS = 5;

    private Transactions() {
    }

    static <T> T retrying(TransactionTemplate tx, Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrencyConflictException | PessimisticLockingFailureException e) {
                last = e;
            }
        }
        throw last;
    }
}
