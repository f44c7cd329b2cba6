package com.brandclosure.closure.domain;

import java.util.Optional;

/**
 * What makes a source's reconciliation answer a drift from the saga's fact: only what the saga acts on.
 * <ul>
 *   <li>{@link #KIND}: the precondition holds by one and not by the other (the saga would move on, or
 *       stay, against the source's word): a summary the source published went missing.</li>
 *   <li>{@link #LAST_LOCK_DATE}: both say payouts are settled, but the source names a last lock date that
 *       is still ahead and passes later than the saga's (or the saga has none): the saga would request the review or
 *       deactivate too early. payouts announces a later lock date while settled, so the saga missed it. An
 *       earlier one or none is not announced by design (waiting a little longer is safe): no drift.</li>
 *   <li>{@link #MISSING}: the saga had no word of that source at all.</li>
 * </ul>
 * Figures the sources do not announce on every change (funding's balance and blockers, the open counts and
 * amounts of the forecast, payouts' last clearing time) are no drift: they change without a summary.
 */
public final class Drift {

    public static final String KIND = "KIND";
    public static final String LAST_LOCK_DATE = "LAST_LOCK_DATE";
    public static final String MISSING = "MISSING";

    private Drift() {
    }

    /**
     * What differs between the saga's fact ({@code known}, null: none) and the source's answer at {@code now}; empty:
     * nothing that matters (a lock date already passed is none ahead, whichever day it names).
     */
    public static Optional<String> between(Fact known, Fact reported, java.time.Instant now) {
        if (known == null) {
            return Optional.of(MISSING);
        }
        if (known.holds() != reported.holds()) {
            return Optional.of(KIND);
        }
        if (reported.precondition() == Precondition.PAYOUTS_SETTLED && reported.holds()
                && reported.lockDate() != null && reported.lockDate().passesAt().isAfter(now)
                && (known.lockDate() == null || reported.lockDate().passesAt().isAfter(known.lockDate().passesAt()))) {
            return Optional.of(LAST_LOCK_DATE);
        }
        return Optional.empty();
    }
}
