package com.brandclosure.platform.logging;

import org.slf4j.MDC;

/**
 * The account and correlation id of the work in progress, in the logging MDC, so every log line
 * written meanwhile carries them (as {@code accountId} and {@code correlationId} fields in the
 * structured formats, see {@code logging.structured.format.console}). A scope: values are put on
 * {@link #of} and the previous ones restored on {@link #close}, so scopes nest.
 * <pre>{@code
 * try (var log = LogContext.of(event.accountId(), event.metadata().correlationId())) {
 *     ... handle the event ...
 * }
 * }</pre>
 * HTTP requests get theirs from {@link LogContextFilter}.
 */
public final class LogContext implements AutoCloseable {

    public static final String ACCOUNT_ID = "accountId";
    public static final String CORRELATION_ID = "correlationId";

    private final String previousAccountId;
    private final String previousCorrelationId;

    private LogContext(String accountId, String correlationId) {
        this.previousAccountId = MDC.get(ACCOUNT_ID);
        this.previousCorrelationId = MDC.get(CORRELATION_ID);
        set(ACCOUNT_ID, accountId);
        set(CORRELATION_ID, correlationId);
    }

    /** Puts {@code accountId} and {@code correlationId} (either may be null: not set) until {@link #close}. */
    public static LogContext of(String accountId, String correlationId) {
        return new LogContext(accountId, correlationId);
    }

    /** The correlation id in the log context (an HTTP request's, see {@link LogContextFilter}), or null. */
    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    @Override
    public void close() {
        set(ACCOUNT_ID, previousAccountId);
        set(CORRELATION_ID, previousCorrelationId);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
