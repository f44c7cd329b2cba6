package com.brandclosure.payouts.domain;

import com.brandclosure.payouts.domain.PayoutsSummary.Announced;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsPending;
import com.brandclosure.payouts.domain.PayoutsSummary.PayoutsSettled;
import com.brandclosure.payouts.domain.PayoutsSummary.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutsSummaryTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    static final Set<Class<?>> produced = new HashSet<>();

    static List<PayoutsSummary.SummaryEvent> decide(State s, long pending, LocalDate lastLock) {
        var events = PayoutsSummary.decide(s, pending, lastLock, PARIS, NOW);
        events.forEach(e -> produced.add(e.getClass()));
        return events;
    }

    @Test
    void the_first_pending_action_is_announced_and_only_once() {
        assertThat(decide(State.initial(), 3, null)).containsExactly(new PayoutsPending(3, NOW));
        assertThat(decide(new State(Announced.PENDING, null), 4, null)).isEmpty();
    }

    @Test
    void settling_announces_the_last_lock_date_with_the_instant_it_has_passed() {
        var events = decide(new State(Announced.PENDING, null), 0, LocalDate.of(2025, 6, 30));
        // End of June 30th in Paris (CEST, UTC+2).
        assertThat(events).containsExactly(
                new PayoutsSettled(LocalDate.of(2025, 6, 30), Instant.parse("2025-06-30T22:00:00Z"), NOW));
    }

    @Test
    void a_later_lock_date_is_announced_again_an_earlier_or_equal_one_is_not() {
        var settled = new State(Announced.SETTLED, LocalDate.of(2025, 6, 30));
        assertThat(decide(settled, 0, LocalDate.of(2025, 7, 31))).singleElement()
                .isInstanceOf(PayoutsSettled.class);
        assertThat(decide(settled, 0, LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(decide(settled, 0, LocalDate.of(2025, 5, 31))).isEmpty();
        assertThat(decide(settled, 0, null)).isEmpty();
    }

    @Test
    void a_new_pending_action_retracts_settled_and_the_next_settlement_is_announced() {
        var settled = new State(Announced.SETTLED, LocalDate.of(2025, 6, 30));
        var retracted = decide(settled, 1, LocalDate.of(2025, 6, 30));
        assertThat(retracted).containsExactly(new PayoutsPending(1, NOW));
        var state = PayoutsSummary.evolve(settled, retracted.getFirst());
        assertThat(decide(state, 0, LocalDate.of(2025, 6, 30))).singleElement().isInstanceOf(PayoutsSettled.class);
    }

    @Test
    void every_summary_event_type_is_covered() {
        decide(State.initial(), 1, null);
        decide(State.initial(), 0, null);
        assertThat(produced).containsAll(Arrays.asList(PayoutsSummary.SummaryEvent.class.getPermittedSubclasses()));
    }
}
