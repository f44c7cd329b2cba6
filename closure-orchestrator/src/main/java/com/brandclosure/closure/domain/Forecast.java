package com.brandclosure.closure.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The brand's forecast while a closure is preparing: what is still open at each source (as the
 * sources' last summaries or state reports said), whether that source has answered the current
 * state-report request, and the earliest day the closure could be requested if all of it were
 * settled today: the day the last lock date the saga knows has passed, and never before today.
 *
 * @param open                 one line per precondition, in declaration order
 * @param earliestRequestDate  in {@code zone}; today when no lock date is ahead
 */
public record Forecast(List<Open> open, LocalDate earliestRequestDate) {

    public Forecast {
        open = List.copyOf(open);
    }

    /**
     * @param holds       whether the precondition holds as far as the saga knows
     * @param count       active contracts, pending actions or catalogs present (null: not said or not counted)
     * @param amountMinor the funding shortfall in minor units (null: not said or not an amount)
     * @param reported    whether the source answered the current state-report request
     */
    public record Open(Precondition precondition, boolean holds, Long count, Long amountMinor, boolean reported) {
    }

    /** The forecast of {@code state} at {@code now}, dates in the account's zone ({@link AccountClosureState.Ledger#accountZone()}). */
    public static Forecast of(AccountClosureState state, Instant now) {
        return of(state, now, state.ledger().accountZone());
    }

    /** The forecast of {@code state} at {@code now}, dates in {@code zone}. */
    public static Forecast of(AccountClosureState state, Instant now, ZoneId zone) {
        Facts facts = state.ledger().facts();
        Reports reports = state.ledger().reports();
        List<Open> open = new ArrayList<>();
        for (Precondition p : Precondition.values()) {
            Fact f = facts.of(p).orElse(null);
            open.add(new Open(p, f != null && f.holds(), f == null ? null : f.openCount(),
                    f == null ? null : f.openAmountMinor(), reports.reported().contains(p)));
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate earliest = facts.lockDate()
                .map(l -> LocalDate.ofInstant(l.passesAt(), zone))
                .filter(d -> d.isAfter(today))
                .orElse(today);
        return new Forecast(open, earliest);
    }
}
