package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.AccountLocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Account locks hold until the transaction ends and exclude a second transaction on the same account. */
class AccountLocksTest {

    static PlatformFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PlatformFixture("platform_locks", TestEvents.types(), 4);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_second_transaction_on_a_locked_account_waits_until_the_first_ends() throws Exception {
        var locks = new AccountLocks(fixture.jdbc);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        var first = CompletableFuture.runAsync(() -> fixture.tx.executeWithoutResult(s -> {
            locks.lockAll(List.of("zeta", "alpha", "beta"));
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), pool);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.runAsync(() -> fixture.tx.executeWithoutResult(s -> locks.lock("beta")), pool);
        var other = CompletableFuture.runAsync(() -> fixture.tx.executeWithoutResult(s -> locks.lock("gamma")), pool);

        other.get(30, TimeUnit.SECONDS);
        assertThat(second.isCompletedExceptionally()).as("second transaction failed instead of waiting").isFalse();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        pool.shutdown();
    }
}
