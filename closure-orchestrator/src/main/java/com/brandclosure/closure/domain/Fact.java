package com.brandclosure.closure.domain;

import java.util.List;
import java.util.Objects;

/**
 * The latest word of a source service on one precondition: whether it holds, and the event that
 * said so. {@code lockDate} only for {@link Precondition#PAYOUTS_SETTLED} (null: no lock date is
 * ahead any more); {@code balanceMinor} only for {@link Precondition#FUNDING_SUFFICIENT}, which
 * after deactivation tells whether anything is left to refund. {@code blockers}: what the source
 * names as keeping the precondition from holding besides the amounts (funding: a cost it cannot book,
 * a past-due amount after deactivation); empty in facts stored before it existed.
 * {@code openCount} / {@code openAmountMinor}: what is still open at the source as it said (active
 * contracts, pending actions, the funding shortfall, catalogs present); null when it said nothing
 * (facts recorded before the forecast). {@code lastClearingAt} only for a holding
 * {@link Precondition#PAYOUTS_SETTLED}: when the last partner payment payouts can still owe clears
 * (null: none left, or said before payouts told it); the final settlement's deadline counts from it.
 */
public record Fact(Precondition precondition, boolean holds, SourceEvent source, LockDate lockDate,
                   Long balanceMinor, List<Blocker> blockers, Long openCount, Long openAmountMinor,
                   java.time.Instant lastClearingAt) {

    public Fact {
        Objects.requireNonNull(precondition, "precondition");
        Objects.requireNonNull(source, "source");
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
    }

    public Fact(Precondition precondition, boolean holds, SourceEvent source, LockDate lockDate, Long balanceMinor) {
        this(precondition, holds, source, lockDate, balanceMinor, List.of(), null, null, null);
    }

    public Fact(Precondition precondition, boolean holds, SourceEvent source, LockDate lockDate, Long balanceMinor,
                List<Blocker> blockers) {
        this(precondition, holds, source, lockDate, balanceMinor, blockers, null, null, null);
    }

    /** One named reason: its {@code kind}, the action or payment {@code id} it is about, and why. */
    public record Blocker(String kind, String id, String reason) {
    }

    /** The same fact with what is still open at the source (for the forecast; null: nothing said). */
    public Fact withOpen(Long count, Long amountMinor) {
        return new Fact(precondition, holds, source, lockDate, balanceMinor, blockers, count, amountMinor,
                lastClearingAt);
    }

    /** The same fact with payouts' last clearing instant (null: none said). */
    public Fact withLastClearingAt(java.time.Instant at) {
        return new Fact(precondition, holds, source, lockDate, balanceMinor, blockers, openCount, openAmountMinor, at);
    }

    public static Fact holds(Precondition precondition, SourceEvent source) {
        return new Fact(precondition, true, source, null, null);
    }

    public static Fact retracted(Precondition precondition, SourceEvent source) {
        return new Fact(precondition, false, source, null, null);
    }
}
