package com.brandclosure.platform.eventstore;

/**
 * Somebody appended to the stream since the caller loaded it. Reload and decide again, or
 * report 409 to the client (the platform's web layer does).
 */
public class ConcurrencyConflictException extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;

    public ConcurrencyConflictException(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion
                + ": it was changed concurrently; reload and try again");
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
