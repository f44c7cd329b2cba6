package com.brandclosure.closure.domain;

import com.brandclosure.platform.kernel.DomainException;

/**
 * The four-eyes rule refused an approval: the approver initiated the closure. Not a state
 * conflict (retrying cannot help) but a permission matter, so the platform's web layer answers 403.
 */
public final class ApproverIsInitiator extends DomainException.Forbidden {
    public ApproverIsInitiator(String approver) {
        super("the final review must be approved by someone other than the person who initiated the closure ("
                + approver + ")");
    }
}
