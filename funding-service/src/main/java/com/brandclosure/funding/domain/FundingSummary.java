package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.RequiredFundingChanged;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Blocker;
import com.brandclosure.funding.domain.FundingState.Sufficiency;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary policy: what an account announces after a decision. {@code RequiredFundingChanged}
 * when past due or pending payments changed since the last announcement; {@code FundingSufficient}
 * or {@code FundingInsufficient} when the account crossed between the two (or on the first summary).
 * Required Funding = past due + pending payments; sufficient = nothing past due, nothing blocked and the
 * balance covers it. An insufficient account is announced again when its {@link Active#blockers()} change.
 */
public final class FundingSummary {

    private FundingSummary() {
    }

    static List<FundingAccountEvent> of(Active a, Instant now) {
        List<FundingAccountEvent> events = new ArrayList<>();
        Money pastDue = a.pastDueTotal();
        Money pending = a.pendingPayments(now);
        Money required = pastDue.plus(pending);
        if (!pastDue.equals(a.announcedPastDue()) || !pending.equals(a.announcedPending())) {
            events.add(new RequiredFundingChanged(pastDue, pending, required, a.balance()));
        }
        boolean sufficient = a.sufficient(now);
        Sufficiency crossing = sufficient ? Sufficiency.SUFFICIENT : Sufficiency.INSUFFICIENT;
        List<Blocker> blockers = a.blockers();
        // Insufficient again when what blocks it changed, so the closure always shows the current reasons.
        if (a.announced() != crossing || (!sufficient && !blockers.equals(a.announcedBlockers()))) {
            events.add(sufficient ? new FundingSufficient(a.balance(), required, now)
                    : new FundingInsufficient(a.balance(), required, pastDue, now, blockers));
        }
        return events;
    }

    /** The summary as a state report for {@code reportFor}, announced whatever was announced before. */
    static FundingAccountEvent report(FundingState state, String reportFor, Instant now) {
        return switch (state) {
            case Active a -> {
                Money pastDue = a.pastDueTotal();
                Money required = pastDue.plus(a.pendingPayments(now));
                // The same rule and reasons as the crossing summaries above: a report never hides a blocker.
                yield a.sufficient(now)
                        ? new FundingSufficient(a.balance(), required, now, reportFor)
                        : new FundingInsufficient(a.balance(), required, pastDue, now, a.blockers(), reportFor);
            }
            // No funding account (never opened, or closed after its refund): nothing is owed. Its
            // currency is not known here: XXX is ISO 4217's "no currency".
            case FundingState.Unopened u -> new FundingSufficient(NOTHING, NOTHING, now, reportFor);
            case FundingState.Closed c -> new FundingSufficient(Money.zero(c.currency()), Money.zero(c.currency()),
                    now, reportFor);
        };
    }

    private static final Money NOTHING = Money.zero(java.util.Currency.getInstance("XXX"));
}
