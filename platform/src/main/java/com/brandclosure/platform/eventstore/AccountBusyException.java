package com.brandclosure.platform.eventstore;

import java.time.Duration;

/**
 * An account's lock was not granted within {@code platform.event-store.lock-timeout}: another
 * transaction holds it (a long command, or a stuck one). The caller may retry after
 * {@link #retryAfter()}; the web layer answers 503 with {@code Retry-After}, consumers retry.
 */
public class AccountBusyException extends RuntimeException {

    private final Duration retryAfter;

    public AccountBusyException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
