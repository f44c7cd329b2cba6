package com.brandclosure.localstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling for a child process to become usable. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(250);

    private Waits() {
    }

    /**
     * Polls {@code ready} until it is true. Stops early with an exception when {@code gaveUp} returns a
     * reason (a child process died): waiting out the whole timeout for a dead process would only hide
     * the cause.
     */
    static void until(String what, Duration timeout, BooleanSupplier ready, Supplier<String> gaveUp) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            String reason = gaveUp.get();
            if (reason != null) {
                throw new IllegalStateException("while waiting for " + what + ": " + reason);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            try {
                // Main code, not a test: a plain poll interval is what a launcher needs here.
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
