package com.brandclosure.payouts.domain;

import com.brandclosure.payouts.domain.PayoutsSummary.Announced;
import com.brandclosure.payouts.domain.PayoutsSummary.ContractEndNoted;
import com.brandclosure.payouts.domain.PayoutsSummary.NoteContractEnd;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsPending;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsSettled;
import com.brandclosure.payouts.domain.PayoutsSummary.Recount;
import com.brandclosure.payouts.domain.PayoutsSummary.State;
import com.brandclosure.payouts.domain.PayoutsSummary.SummaryCommand;
import com.brandclosure.payouts.domain.PayoutsSummary.SummaryEvent;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutsSummaryTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");
    static final LockingSettings MONTH_1_0 = settings(PARIS);
    static final Decider<SummaryCommand, SummaryEvent, State> SUMMARY =
            new Decider<>(State.initial(), PayoutsSummary::decide, PayoutsSummary::evolve);

    static LockingSettings settings(ZoneId zone) {
        return new LockingSettings(1, 0, ReferencePeriod.MONTH, 0, zone, EUR);
    }

    static Recount recount(long pending, LocalDate lastLock) {
        return new Recount(pending, lastLock, MONTH_1_0, NOW);
    }

    static State state(Announced announced, LocalDate lastLockDate) {
        return new State(announced, lastLockDate, Map.of());
    }

    @Test
    void the_first_pending_action_is_announced_and_only_once() {
        SUMMARY.given().when(recount(3, null)).then(new PayoutsPending(3, NOW));
        SUMMARY.givenState(state(Announced.PENDING, null)).when(recount(4, null)).thenNothing();
    }

    @Test
    void settling_announces_the_last_lock_date_with_the_instant_it_has_passed() {
        // End of June 30th in Paris (CEST, UTC+2).
        SUMMARY.givenState(state(Announced.PENDING, null)).when(recount(0, LocalDate.of(2025, 6, 30)))
                .then(new PayoutsSettled(LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), NOW, null, Instant.parse("2025-06-30T22:00:00Z")));
    }

    @Test
    void a_later_lock_date_is_announced_again_an_earlier_or_equal_one_is_not() {
        var settled = SUMMARY.givenState(state(Announced.SETTLED, LocalDate.of(2025, 6, 30)));
        settled.when(recount(0, LocalDate.of(2025, 7, 31)))
                .thenMatches(events -> assertThat(events).singleElement().isInstanceOf(PayoutsSettled.class));
        settled.when(recount(0, LocalDate.of(2025, 6, 30))).thenNothing();
        settled.when(recount(0, LocalDate.of(2025, 5, 31))).thenNothing();
        settled.when(recount(0, null)).thenNothing();
    }

    @Test
    void a_new_pending_action_retracts_settled_and_the_next_settlement_is_announced() {
        SUMMARY.givenState(state(Announced.SETTLED, LocalDate.of(2025, 6, 30)))
                .when(recount(1, LocalDate.of(2025, 6, 30)))
                .then(new PayoutsPending(1, NOW))
                .andWhen(recount(0, LocalDate.of(2025, 6, 30)))
                .thenMatches(events -> assertThat(events).singleElement().isInstanceOf(PayoutsSettled.class));
    }

    @Test
    void the_history_of_announcements_is_the_state() {
        var settledAfterPending = SUMMARY.given(new PayoutsPending(2, NOW),
                new PayoutsSettled(LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), NOW, null, Instant.parse("2025-06-30T22:00:00Z")));
        assertThat(settledAfterPending.state()).isEqualTo(state(Announced.SETTLED, LocalDate.of(2025, 6, 30)));
        settledAfterPending.when(recount(0, LocalDate.of(2025, 6, 30))).thenNothing();
    }

    @Test
    void a_negative_pending_count_is_a_programming_error() {
        assertThatThrownBy(() -> recount(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settled_from_the_start_is_announced_without_a_lock_date() {
        SUMMARY.given().when(recount(0, null)).then(new PayoutsSettled(null, null, NOW));
    }

    // ---- issue 11, point 2: the last lock date covers the last contract

    /** 2026-03-31 23:59:59 in Paris (CEST): the end of the day a contract expiring that day is active. */
    static final Instant MARCH_31_END_PARIS = Instant.parse("2026-03-31T21:59:59Z");
    static final Instant IN_MARCH = Instant.parse("2026-03-01T09:00:00Z");

    static Recount recountAt(Instant now, long pending, LocalDate lastLock, LockingSettings s) {
        return new Recount(pending, lastLock, s, now);
    }

    @Test
    void a_contract_expiring_march_31_holds_the_last_lock_date_at_april_30_over_an_earlier_approved_action() {
        // MONTH 1 0: an action tracked on the expiry day locks at the end of April, although the last
        // approved action locks on 2026-02-28.
        SUMMARY.givenState(state(Announced.PENDING, null))
                .when(new NoteContractEnd("c-1", MARCH_31_END_PARIS,
                        recountAt(IN_MARCH, 0, LocalDate.of(2026, 2, 28), MONTH_1_0)))
                .then(new ContractEndNoted("c-1", MARCH_31_END_PARIS),
                        new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z")));
    }

    @Test
    void the_same_holds_when_the_approval_comes_after_the_contract_end_was_noted() {
        SUMMARY.given(new PayoutsPending(1, IN_MARCH), new ContractEndNoted("c-1", MARCH_31_END_PARIS))
                .when(recountAt(IN_MARCH, 0, LocalDate.of(2026, 2, 28), MONTH_1_0))
                .then(new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z")));
    }

    @Test
    void a_brand_with_no_actions_but_an_expired_contract_gets_the_contract_s_lock_date() {
        SUMMARY.given()
                .when(new NoteContractEnd("c-1", MARCH_31_END_PARIS, recountAt(IN_MARCH, 0, null, MONTH_1_0)))
                .then(new ContractEndNoted("c-1", MARCH_31_END_PARIS),
                        new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z")));
    }

    @Test
    void a_later_approved_lock_date_wins_over_the_contract_s() {
        SUMMARY.given(new ContractEndNoted("c-1", MARCH_31_END_PARIS))
                .when(recountAt(IN_MARCH, 0, LocalDate.of(2026, 6, 30), MONTH_1_0))
                .then(new PayoutsSettled(LocalDate.of(2026, 6, 30), Instant.parse("2026-06-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-06-30T22:00:00Z")));
    }

    @Test
    void while_actions_are_pending_the_contract_end_is_only_noted_and_counts_at_the_settlement() {
        SUMMARY.givenState(state(Announced.PENDING, null))
                .when(new NoteContractEnd("c-1", MARCH_31_END_PARIS, recountAt(IN_MARCH, 2, null, MONTH_1_0)))
                .then(new ContractEndNoted("c-1", MARCH_31_END_PARIS))
                .andWhen(recountAt(IN_MARCH, 0, null, MONTH_1_0))
                .thenMatches(events -> assertThat(events).singleElement()
                        .isEqualTo(new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"),
                                IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z"))));
    }

    @Test
    void the_last_of_several_contracts_counts_and_a_schedule_moved_earlier_replaces_the_later_one() {
        Instant juneEnd = Instant.parse("2026-06-30T21:59:59Z");
        var settled = SUMMARY.given(new ContractEndNoted("c-1", MARCH_31_END_PARIS),
                new ContractEndNoted("c-2", juneEnd),
                new PayoutsSettled(LocalDate.of(2026, 7, 31), Instant.parse("2026-07-31T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-07-31T22:00:00Z")));
        assertThat(settled.state().lastContractEnd()).isEqualTo(juneEnd);
        // c-2's expiry moved to March: noted; the earlier last lock date is not announced (waiting longer is safe).
        settled.when(new NoteContractEnd("c-2", MARCH_31_END_PARIS, recountAt(IN_MARCH, 0, null, MONTH_1_0)))
                .then(new ContractEndNoted("c-2", MARCH_31_END_PARIS));
        var moved = SUMMARY.given(new ContractEndNoted("c-1", MARCH_31_END_PARIS), new ContractEndNoted("c-2", juneEnd),
                new ContractEndNoted("c-2", MARCH_31_END_PARIS));
        assertThat(moved.state().lastContractEnd()).isEqualTo(MARCH_31_END_PARIS);
    }

    @Test
    void the_same_contract_end_again_is_a_plain_recount() {
        SUMMARY.given(new ContractEndNoted("c-1", MARCH_31_END_PARIS),
                        new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T22:00:00Z")))
                .when(new NoteContractEnd("c-1", MARCH_31_END_PARIS, recountAt(IN_MARCH, 0, null, MONTH_1_0)))
                .thenNothing();
    }

    @Test
    void the_expiry_day_is_the_day_in_the_account_zone_west_of_utc() {
        // 2026-01-31 23:59:59 in Los Angeles is already February 1st in UTC: the day is January 31st,
        // so an action on it locks at the end of February (UTC would give the end of March).
        var la = settings(ZoneId.of("America/Los_Angeles"));
        Instant end = Instant.parse("2026-02-01T07:59:59Z");
        Instant now = Instant.parse("2026-01-15T00:00:00Z");
        SUMMARY.given()
                .when(new NoteContractEnd("c-1", end, recountAt(now, 0, null, la)))
                .then(new ContractEndNoted("c-1", end),
                        new PayoutsSettled(LocalDate.of(2026, 2, 28), Instant.parse("2026-03-01T08:00:00Z"), now, null, Instant.parse("2026-03-01T08:00:00Z")));
    }

    @Test
    void the_last_lock_instant_is_the_end_of_the_day_in_the_account_zone_east_of_utc() {
        // 2026-03-31 23:59:59 in Auckland (NZDT, UTC+13); April 30th ends at 2026-05-01T00:00+12:00 (NZST).
        var auckland = settings(ZoneId.of("Pacific/Auckland"));
        Instant end = Instant.parse("2026-03-31T10:59:59Z");
        SUMMARY.given()
                .when(new NoteContractEnd("c-1", end, recountAt(IN_MARCH, 0, LocalDate.of(2026, 2, 28), auckland)))
                .then(new ContractEndNoted("c-1", end),
                        new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T12:00:00Z"), IN_MARCH, null, Instant.parse("2026-04-30T12:00:00Z")));
    }

    /**
     * Issue 11: the settled summary says when the last partner payment clears (the saga's final-settlement
     * deadline counts from it). MONTH 1 with 0 scheduling days: the day after a month-end lock date, so
     * it is the lock instant in the tests above; with 10 scheduling days, the 10th of the next month.
     */
    @Test
    void settled_carries_the_last_clearing_instant_of_the_last_lock_date_or_of_a_locked_action_clearing_later() {
        var tenDays = new LockingSettings(1, 0, ReferencePeriod.MONTH, 10, PARIS, EUR);
        SUMMARY.givenState(state(Announced.PENDING, null))
                .when(new Recount(0, LocalDate.of(2026, 4, 30), tenDays, IN_MARCH))
                .then(new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH,
                        null, Instant.parse("2026-05-09T22:00:00Z")));
        // No lock date ahead, but a locked action clears on 2026-03-10 (Paris): that is the last clearing.
        Instant lockedClears = Instant.parse("2026-03-09T23:00:00Z");
        SUMMARY.givenState(state(Announced.PENDING, null))
                .when(new Recount(0, null, tenDays, IN_MARCH, 0, lockedClears))
                .then(new PayoutsSettled(null, null, IN_MARCH, null, lockedClears));
        // A locked action clearing later than the last lock date's clearing wins.
        Instant later = Instant.parse("2026-06-09T22:00:00Z");
        SUMMARY.givenState(state(Announced.PENDING, null))
                .when(new Recount(0, LocalDate.of(2026, 4, 30), tenDays, IN_MARCH, 0, later))
                .then(new PayoutsSettled(LocalDate.of(2026, 4, 30), Instant.parse("2026-04-30T22:00:00Z"), IN_MARCH,
                        null, later));
    }

    @Test
    void a_contract_whose_lock_date_is_over_holds_nothing_back() {
        Instant longAgo = Instant.parse("2025-01-31T22:59:59Z");
        SUMMARY.given()
                .when(new NoteContractEnd("c-1", longAgo, recountAt(IN_MARCH, 0, null, MONTH_1_0)))
                .then(new ContractEndNoted("c-1", longAgo), new PayoutsSettled(null, null, IN_MARCH));
        assertThat(LockHorizon.lastLockDate(LocalDate.of(2026, 2, 28), longAgo, MONTH_1_0, IN_MARCH))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        // Just before the contract's lock instant (2025-03-01T00:00 Paris) it still counts.
        assertThat(LockHorizon.lastLockDate(null, longAgo, MONTH_1_0, Instant.parse("2025-02-28T22:59:59Z")))
                .isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(LockHorizon.lastLockDate(null, longAgo, MONTH_1_0, Instant.parse("2025-02-28T23:00:00Z")))
                .isNull();
    }

    @AfterAll
    static void every_summary_event_type_is_decided_by_some_test() {
        SUMMARY.assertCovered(SummaryEvent.class);
    }
}
