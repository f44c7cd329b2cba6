package com.brandclosure.closure.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest fact per precondition: the one with the highest source version ({@link SourceEvent#isLaterThan}). */
public record Facts(Map<Precondition, Fact> latest) {

    public Facts {
        latest = Map.copyOf(latest);
    }

    public static Facts none() {
        return new Facts(Map.of());
    }

    public Optional<Fact> of(Precondition precondition) {
        return Optional.ofNullable(latest.get(precondition));
    }

    /** True unless a fact at least as late as {@code fact} is already known (a duplicate or an older word). */
    public boolean wouldChangeWith(Fact fact) {
        Fact current = latest.get(fact.precondition());
        return current == null || fact.source().isLaterThan(current.source());
    }

    public Facts with(Fact fact) {
        var copy = new java.util.EnumMap<Precondition, Fact>(Precondition.class);
        copy.putAll(latest);
        copy.put(fact.precondition(), fact);
        return new Facts(copy);
    }

    public boolean allHold() {
        return unmet().isEmpty();
    }

    /** Preconditions not known to hold, in declaration order. */
    public List<Precondition> unmet() {
        return Arrays.stream(Precondition.values())
                .filter(p -> latest.get(p) == null || !latest.get(p).holds())
                .toList();
    }

    /**
     * The account's time zone as the facts tell it, for closures whose saga has not learnt the decided
     * zone ({@link AccountClosureState.Ledger#accountZone()} prefers that one): the offset of the last
     * lock date payouts named (payouts evaluates lock dates in the account's zone); UTC while payouts named none.
     */
    public java.time.ZoneId accountZone() {
        return of(Precondition.PAYOUTS_SETTLED).map(Fact::lockDate).map(LockDate::offset)
                .map(java.time.ZoneId.class::cast).orElse(java.time.ZoneOffset.UTC);
    }

    /** The lock date the payouts fact names, if payouts are settled and a lock date is ahead. */
    public Optional<LockDate> lockDate() {
        return of(Precondition.PAYOUTS_SETTLED).filter(Fact::holds).map(Fact::lockDate);
    }

}
