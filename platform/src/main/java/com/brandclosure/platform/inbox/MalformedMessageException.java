package com.brandclosure.platform.inbox;

/** A consumed record cannot be understood; retrying will not help, so it goes straight to the dead-letter topic. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
