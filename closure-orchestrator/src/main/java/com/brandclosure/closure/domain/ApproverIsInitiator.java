package com.brandclosure.closure.domain;

/**
 * The four-eyes rule refused an approval: the approver initiated the closure. Not a state
 * conflict (retrying cannot help) but a permission matter, so the web layer answers 403.
 */
public final class ApproverIsInitiator extends RuntimeException {
    public ApproverIsInitiator(String approver) {
        super("the final review must be approved by someone other than the person who initiated the closure ("
                + approver + ")");
    }
}
