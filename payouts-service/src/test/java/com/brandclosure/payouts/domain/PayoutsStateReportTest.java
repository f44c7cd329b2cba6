package com.brandclosure.payouts.domain;

import com.brandclosure.payouts.domain.PayoutsSummary.ContractEndNoted;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsPending;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsSettled;
import com.brandclosure.payouts.domain.PayoutsSummary.Recount;
import com.brandclosure.payouts.domain.PayoutsSummary.Report;
import com.brandclosure.payouts.domain.PayoutsSummary.State;
import com.brandclosure.payouts.domain.PayoutsSummary.SummaryCommand;
import com.brandclosure.payouts.domain.PayoutsSummary.SummaryEvent;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/** A state report announces the summary as it is, crossed or not, with the closure it answers. */
class PayoutsStateReportTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant IN_MARCH = Instant.parse("2026-03-15T10:00:00Z");
    static final LockingSettings MONTH_1_0 = new LockingSettings(1, 0, ReferencePeriod.MONTH, 0, PARIS,
            Currency.getInstance("EUR"));
    static final Decider<SummaryCommand, SummaryEvent, State> SUMMARY =
            new Decider<>(State.initial(), PayoutsSummary::decide, PayoutsSummary::evolve);

    static Report report(long pending, LocalDate lastLock) {
        return new Report(new Recount(pending, lastLock, MONTH_1_0, IN_MARCH), "CLO-acc-1");
    }

    @Test
    void a_never_seen_account_reports_settled_with_no_lock_date_ahead() {
        SUMMARY.given().when(report(0, null)).then(new PayoutsSettled(null, null, IN_MARCH, "CLO-acc-1"));
    }

    @Test
    void an_unchanged_settled_summary_is_reported_again_with_the_last_contract_s_lock_date() {
        var end = new ContractEndNoted("c-1", Instant.parse("2026-03-31T21:59:59Z"));
        var settled = new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z"));
        SUMMARY.given(end, settled).when(report(0, LocalDate.of(2026, 2, 28))).then(new PayoutsSettled(
                LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, "CLO-acc-1",
                Instant.parse("2026-04-30T22:00:00Z")));
    }

    @Test
    void pending_actions_are_reported_with_their_count_and_cost_even_when_already_announced() {
        SUMMARY.given(new PayoutsPending(2, IN_MARCH)).when(new Report(
                        new Recount(3, null, MONTH_1_0, IN_MARCH, 4_500), "CLO-acc-1"))
                .then(new PayoutsPending(3, IN_MARCH, "CLO-acc-1", 4_500));
    }

    @Test
    void a_crossing_to_pending_carries_the_pending_cost() {
        SUMMARY.given().when(new Recount(2, null, MONTH_1_0, IN_MARCH, 1_200))
                .then(new PayoutsPending(2, IN_MARCH, null, 1_200));
    }
}
