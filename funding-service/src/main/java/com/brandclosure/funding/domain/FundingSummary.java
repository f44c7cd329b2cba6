package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.RequiredFundingChanged;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Sufficiency;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary policy: what an account announces after a decision. {@code RequiredFundingChanged}
 * when past due or pending payments changed since the last announcement; {@code FundingSufficient}
 * or {@code FundingInsufficient} when the account crossed between the two (or on the first summary).
 * Required Funding = past due + pending payments; sufficient = nothing past due and the balance covers it.
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
        boolean sufficient = pastDue.isZero() && a.balance().isAtLeast(required);
        Sufficiency crossing = sufficient ? Sufficiency.SUFFICIENT : Sufficiency.INSUFFICIENT;
        if (a.announced() != crossing) {
            events.add(sufficient ? new FundingSufficient(a.balance(), required, now)
                    : new FundingInsufficient(a.balance(), required, pastDue, now));
        }
        return events;
    }

    /** The summary as a state report for {@code reportFor}, announced whatever was announced before. */
    static FundingAccountEvent report(FundingState state, String reportFor, Instant now) {
        return switch (state) {
            case Active a -> {
                Money pastDue = a.pastDueTotal();
                Money required = pastDue.plus(a.pendingPayments(now));
                yield pastDue.isZero() && a.balance().isAtLeast(required)
                        ? new FundingSufficient(a.balance(), required, now, reportFor)
                        : new FundingInsufficient(a.balance(), required, pastDue, now, reportFor);
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
