package com.brandclosure.contracts.domain;

/**
 * A request field holds a value the domain refuses (e.g. a date in the past). Unlike
 * {@code DomainException.BadRequest} it names the field, so the web layer can answer 400 with
 * field errors.
 */
public final class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
