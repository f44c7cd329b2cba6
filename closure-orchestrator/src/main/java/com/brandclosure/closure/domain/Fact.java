package com.brandclosure.closure.domain;

import java.util.Objects;

/**
 * The latest word of a source service on one precondition: whether it holds, and the event that
 * said so. {@code lockDate} only for {@link Precondition#PAYOUTS_SETTLED} (null: no lock date is
 * ahead any more); {@code balanceMinor} only for {@link Precondition#FUNDING_SUFFICIENT}, which
 * after deactivation tells whether anything is left to refund.
 */
public record Fact(Precondition precondition, boolean holds, SourceEvent source, LockDate lockDate,
                   Long balanceMinor) {

    public Fact {
        Objects.requireNonNull(precondition, "precondition");
        Objects.requireNonNull(source, "source");
    }

    public static Fact holds(Precondition precondition, SourceEvent source) {
        return new Fact(precondition, true, source, null, null);
    }

    public static Fact retracted(Precondition precondition, SourceEvent source) {
        return new Fact(precondition, false, source, null, null);
    }
}
