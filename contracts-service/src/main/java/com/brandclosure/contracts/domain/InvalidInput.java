package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.DomainException;

/**
 * A request field holds a value the domain refuses (e.g. a date in the past). It names the
 * field, so the platform's web layer answers 400 with field errors.
 */
public final class InvalidInput extends DomainException.BadRequest {

    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
