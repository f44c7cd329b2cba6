package com.brandclosure.platform.kernel;

/**
 * A command was refused for a business reason. Pure Java so that domains can throw it; the
 * platform's web layer maps each subtype to its HTTP status.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.RuleViolation,
        DomainException.BadRequest {

    protected DomainException(String message) {
        super(message);
    }

    /** The thing named does not exist (404). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The command does not fit the current state (409). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The command is well-formed but a business rule refuses it (422). */
    public static final class RuleViolation extends DomainException {
        public RuleViolation(String message) {
            super(message);
        }
    }

    /** The command's input is invalid (400). */
    public static final class BadRequest extends DomainException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
