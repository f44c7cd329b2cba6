package com.brandclosure.payouts.domain;

import com.brandclosure.payouts.domain.PayoutsSummary.Announced;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsPending;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsSettled;
import com.brandclosure.payouts.domain.PayoutsSummary.Recount;
import com.brandclosure.payouts.domain.PayoutsSummary.State;
import com.brandclosure.payouts.domain.PayoutsSummary.SummaryEvent;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutsSummaryTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    static final Decider<Recount, SummaryEvent, State> SUMMARY =
            new Decider<>(State.initial(), PayoutsSummary::decide, PayoutsSummary::evolve);

    static Recount recount(long pending, LocalDate lastLock) {
        return new Recount(pending, lastLock, PARIS, NOW);
    }

    @Test
    void the_first_pending_action_is_announced_and_only_once() {
        SUMMARY.given().when(recount(3, null)).then(new PayoutsPending(3, NOW));
        SUMMARY.givenState(new State(Announced.PENDING, null)).when(recount(4, null)).thenNothing();
    }

    @Test
    void settling_announces_the_last_lock_date_with_the_instant_it_has_passed() {
        // End of June 30th in Paris (CEST, UTC+2).
        SUMMARY.givenState(new State(Announced.PENDING, null)).when(recount(0, LocalDate.of(2025, 6, 30)))
                .then(new PayoutsSettled(LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), NOW));
    }

    @Test
    void a_later_lock_date_is_announced_again_an_earlier_or_equal_one_is_not() {
        var settled = SUMMARY.givenState(new State(Announced.SETTLED, LocalDate.of(2025, 6, 30)));
        settled.when(recount(0, LocalDate.of(2025, 7, 31)))
                .thenMatches(events -> assertThat(events).singleElement().isInstanceOf(PayoutsSettled.class));
        settled.when(recount(0, LocalDate.of(2025, 6, 30))).thenNothing();
        settled.when(recount(0, LocalDate.of(2025, 5, 31))).thenNothing();
        settled.when(recount(0, null)).thenNothing();
    }

    @Test
    void a_new_pending_action_retracts_settled_and_the_next_settlement_is_announced() {
        SUMMARY.givenState(new State(Announced.SETTLED, LocalDate.of(2025, 6, 30)))
                .when(recount(1, LocalDate.of(2025, 6, 30)))
                .then(new PayoutsPending(1, NOW))
                .andWhen(recount(0, LocalDate.of(2025, 6, 30)))
                .thenMatches(events -> assertThat(events).singleElement().isInstanceOf(PayoutsSettled.class));
    }

    @Test
    void the_history_of_announcements_is_the_state() {
        var settledAfterPending = SUMMARY.given(new PayoutsPending(2, NOW),
                new PayoutsSettled(LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), NOW));
        assertThat(settledAfterPending.state()).isEqualTo(new State(Announced.SETTLED, LocalDate.of(2025, 6, 30)));
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

    @AfterAll
    static void every_summary_event_type_is_decided_by_some_test() {
        SUMMARY.assertCovered(SummaryEvent.class);
    }
}
