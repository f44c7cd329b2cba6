package com.brandclosure.platform.kernel;

/**
 * A command was refused for a business reason. Pure Java so that domains can throw it; the
 * platform's web layer maps each subtype to its HTTP status.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.RuleViolation,
        DomainException.BadRequest, DomainException.Forbidden {

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

    /**
     * The command's input is invalid (400). With a field, the answer names it in its field errors
     * like Bean Validation does; a domain may subclass it for its own field checks.
     */
    public static non-sealed class BadRequest extends DomainException {
        private final String field;
        private final String reason;

        public BadRequest(String message) {
            super(message);
            this.field = null;
            this.reason = message;
        }

        public BadRequest(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        /** The refused field, or null when the refusal is not about one field. */
        public String field() {
            return field;
        }

        /** The message without the field name. */
        public String reason() {
            return reason;
        }
    }

    /**
     * The caller may not do this, although its role may call the endpoint (403): e.g. the
     * four-eyes rule. A domain may subclass it to name its rule.
     */
    public static non-sealed class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message);
        }
    }
}
