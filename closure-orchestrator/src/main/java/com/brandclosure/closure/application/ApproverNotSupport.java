package com.brandclosure.closure.application;

import com.brandclosure.platform.kernel.DomainException;

/**
 * Four-eyes: the final approval must come from a SUPPORT user. Refused where the command is
 * handled (403), whatever roles the web layer let through.
 */
public final class ApproverNotSupport extends DomainException.Forbidden {
    public ApproverNotSupport(String actor) {
        super("the final review must be approved by a SUPPORT user other than the initiator; " + actor
                + " is not a SUPPORT user");
    }
}
