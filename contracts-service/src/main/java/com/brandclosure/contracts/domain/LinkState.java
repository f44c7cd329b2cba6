package com.brandclosure.contracts.domain;

/** A tracking link; {@code linkId} null until created. One record for all states: it is also the snapshot shape. */
public record LinkState(String linkId, String accountId, String contractId, String landingUrl, long clicks) {

    public static final LinkState INITIAL = new LinkState(null, null, null, null, 0);

    public boolean exists() {
        return linkId != null;
    }
}
