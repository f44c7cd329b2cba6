package com.brandclosure.closure.application;

/**
 * Four-eyes: the final approval must come from a SUPPORT user. Refused where the command is
 * handled (403), whatever roles the web layer let through.
 */
public final class ApproverNotSupport extends RuntimeException {
    public ApproverNotSupport(String actor) {
        super("the final review must be approved by a SUPPORT user other than the initiator; " + actor
                + " is not a SUPPORT user");
    }
}
