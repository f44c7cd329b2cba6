package com.brandclosure.contracts.domain;

import com.brandclosure.platform.kernel.Personal;

/** A tracking link; {@code linkId} null until created. One record for all states: it is also the snapshot shape. */
public record LinkState(String linkId, String accountId, String contractId, @Personal String landingUrl, long clicks) {

    public static final LinkState INITIAL = new LinkState(null, null, null, null, 0);

    public boolean exists() {
        return linkId != null;
    }
}
