package com.brandclosure.payouts.domain;

import com.brandclosure.payouts.domain.ActionCommand.ApproveAction;
import com.brandclosure.payouts.domain.ActionCommand.ClearAction;
import com.brandclosure.payouts.domain.ActionCommand.LockAction;
import com.brandclosure.payouts.domain.ActionCommand.ModifyAction;
import com.brandclosure.payouts.domain.ActionCommand.ReevaluateTerms;
import com.brandclosure.payouts.domain.ActionCommand.RejectForClosure;
import com.brandclosure.payouts.domain.ActionCommand.RestoreAction;
import com.brandclosure.payouts.domain.ActionCommand.ReverseAction;
import com.brandclosure.payouts.domain.ActionCommand.TrackAction;
import com.brandclosure.payouts.domain.ActionEvent.ActionApproved;
import com.brandclosure.payouts.domain.ActionEvent.ActionCleared;
import com.brandclosure.payouts.domain.ActionEvent.ActionLocked;
import com.brandclosure.payouts.domain.ActionEvent.ActionModified;
import com.brandclosure.payouts.domain.ActionEvent.ActionReevaluated;
import com.brandclosure.payouts.domain.ActionEvent.ActionRejected;
import com.brandclosure.payouts.domain.ActionEvent.ActionRestored;
import com.brandclosure.payouts.domain.ActionEvent.ActionReversed;
import com.brandclosure.payouts.domain.ActionEvent.ActionTracked;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionTest {

    static final Decider<ActionCommand, ActionEvent, ActionState> ACTION =
            new Decider<>(Action.initial(), Action::decide, Action::evolve);

    static final AccountId ACCOUNT = AccountId.of("brand-1");
    static final Currency EUR = Currency.getInstance("EUR");
    static final LockingSettings SETTINGS = new LockingSettings(1, 0, ReferencePeriod.MONTH, 10, ZoneId.of("UTC"), EUR);
    static final Instant EVENT_AT = Instant.parse("2025-03-10T12:00:00Z");
    static final ContractPeriod CONTRACT = new ContractPeriod("c-1", "p-1", Instant.parse("2025-01-01T00:00:00Z"), null);

    static TrackAction track(String id, long cost, List<ContractPeriod> contracts, Optional<LocalDate> closure) {
        return new TrackAction(ACCOUNT, id, "p-1", null, EVENT_AT, EVENT_AT.plusSeconds(60), Money.of(cost, "EUR"),
                SETTINGS, contracts, closure);
    }

    static TrackAction track(String id) {
        return track(id, 1_000, List.of(CONTRACT), Optional.empty());
    }

    /** A restore while the action may still change: before its lock instant (2025-05-01T00:00Z), not deactivated. */
    static RestoreAction restore() {
        return new RestoreAction(EVENT_AT.plusSeconds(3_600), Optional.empty());
    }

    static ActionTracked tracked(String id) {
        return (ActionTracked) Action.decide(track(id), Action.initial()).getFirst();
    }

    @Test
    void tracking_records_the_action_pending_with_its_dates() {
        var events = ACTION.given().when(track("a-1")).thenMatches(e -> assertThat(e).hasSize(1)).events();

        var details = ((ActionTracked) events.getFirst()).details();
        assertThat(details.eventDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(details.lockDate()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(details.clearingDate()).isEqualTo(LocalDate.of(2025, 5, 10));
        assertThat(details.cost()).isEqualTo(Money.of(1_000, "EUR"));
        assertThat(ACTION.given(events).when(new ApproveAction()).then(new ActionApproved("a-1")).state())
                .isInstanceOf(ActionState.Approved.class);
    }

    @Test
    void tracking_the_same_action_again_is_a_duplicate_and_changes_nothing() {
        ACTION.given(tracked("a-1")).when(track("a-1")).thenNothing();
    }

    @Test
    void an_action_without_an_active_contract_at_its_event_time_is_rejected_outside_of_terms() {
        var expiredBefore = new ContractPeriod("c-1", "p-1", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-01T00:00:00Z"));
        var otherPartner = new ContractPeriod("c-2", "p-2", Instant.parse("2025-01-01T00:00:00Z"), null);
        var events = ACTION.given().when(track("a-1", 1_000, List.of(expiredBefore, otherPartner), Optional.empty()))
                .thenMatches(e -> { }).events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new ActionRejected("a-1", RejectionReason.OUTSIDE_OF_TERMS));
    }

    @Test
    void an_action_dated_on_or_after_the_closure_date_is_rejected_account_closed() {
        var onClosureDay = ACTION.given()
                .when(track("a-1", 1_000, List.of(CONTRACT), Optional.of(LocalDate.of(2025, 3, 10))))
                .thenMatches(e -> { }).events();
        assertThat(onClosureDay.get(1)).isEqualTo(new ActionRejected("a-1", RejectionReason.ACCOUNT_CLOSED));

        var before = ACTION.given()
                .when(track("a-2", 1_000, List.of(CONTRACT), Optional.of(LocalDate.of(2025, 3, 11))))
                .thenMatches(e -> { }).events();
        assertThat(before).hasSize(1);
    }

    @Test
    void a_late_arrival_after_closure_is_rejected_by_its_report_date() {
        // Happened long before the closure, but reported after its lock date: the report date counts.
        var late = new TrackAction(ACCOUNT, "a-1", "p-1", null, Instant.parse("2025-01-05T00:00:00Z"),
                Instant.parse("2025-06-02T00:00:00Z"), Money.of(10, "EUR"), SETTINGS, List.of(CONTRACT),
                Optional.of(LocalDate.of(2025, 6, 1)));
        var events = ACTION.given().when(late).thenMatches(e -> { }).events();
        assertThat(((ActionTracked) events.getFirst()).details().lateReported()).isTrue();
        assertThat(events.get(1)).isEqualTo(new ActionRejected("a-1", RejectionReason.ACCOUNT_CLOSED));
    }

    @Nested
    class BadInput {
        @Test
        void zero_negative_absurd_and_foreign_amounts_are_refused() {
            ACTION.given().when(track("a", 0, List.of(CONTRACT), Optional.empty()))
                    .thenRefused(DomainException.BadRequest.class, "positive");
            ACTION.given().when(track("a", -5, List.of(CONTRACT), Optional.empty()))
                    .thenRefused(DomainException.BadRequest.class, "positive");
            ACTION.given().when(track("a", Action.MAX_COST_MINOR + 1, List.of(CONTRACT), Optional.empty()))
                    .thenRefused(DomainException.BadRequest.class, "exceeds");
            var usd = new TrackAction(ACCOUNT, "a", "p-1", null, EVENT_AT, EVENT_AT, Money.of(10, "USD"), SETTINGS,
                    List.of(CONTRACT), Optional.empty());
            ACTION.given().when(usd).thenRefused(DomainException.BadRequest.class, "account currency EUR");
        }

        @Test
        void an_event_reported_before_it_happened_is_refused() {
            var future = new TrackAction(ACCOUNT, "a", "p-1", null, EVENT_AT, EVENT_AT.minusSeconds(1),
                    Money.of(10, "EUR"), SETTINGS, List.of(CONTRACT), Optional.empty());
            ACTION.given().when(future).thenRefused(DomainException.BadRequest.class, "after reportedAt");
        }

        @Test
        void a_reversal_needs_a_reason() {
            ACTION.given(tracked("a-1")).when(new ReverseAction(" "))
                    .thenRefused(DomainException.BadRequest.class, "reason");
        }
    }

    @Nested
    class LifeCycle {
        @Test
        void pending_is_approved_once() {
            ACTION.given(tracked("a-1")).when(new ApproveAction()).then(new ActionApproved("a-1"));
            ACTION.given(tracked("a-1"), new ActionApproved("a-1")).when(new ApproveAction()).thenNothing();
        }

        @Test
        void pending_or_approved_can_be_reversed_and_restored_to_pending() {
            ACTION.given(tracked("a-1")).when(new ReverseAction("fraud")).then(new ActionReversed("a-1", "fraud"));
            ACTION.given(tracked("a-1"), new ActionApproved("a-1")).when(new ReverseAction("duplicate order"))
                    .then(new ActionReversed("a-1", "duplicate order"));
            var restored = ACTION.given(tracked("a-1"), new ActionReversed("a-1", "fraud")).when(restore())
                    .then(new ActionRestored("a-1"));
            assertThat(restored.state()).isInstanceOf(ActionState.Pending.class);
        }

        @Test
        void a_reversed_action_cannot_be_approved_until_restored() {
            ACTION.given(tracked("a-1"), new ActionReversed("a-1", "fraud")).when(new ApproveAction())
                    .thenRefused(DomainException.Conflict.class, "it is REVERSED");
        }

        @Test
        void modify_changes_the_cost_before_locking() {
            var then = ACTION.given(tracked("a-1"), new ActionApproved("a-1"))
                    .when(new ModifyAction(Money.of(700, "EUR"), "partial return"))
                    .then(new ActionModified("a-1", Money.of(1_000, "EUR"), Money.of(700, "EUR"), "partial return"));
            var state = (ActionState.Approved) then.state();
            assertThat(state.details().cost()).isEqualTo(Money.of(700, "EUR"));
        }

        @Test
        void modify_refuses_another_currency_and_absurd_amounts() {
            ACTION.given(tracked("a-1")).when(new ModifyAction(Money.of(700, "USD"), "x"))
                    .thenRefused(DomainException.BadRequest.class, "currency");
            ACTION.given(tracked("a-1")).when(new ModifyAction(Money.of(0, "EUR"), "x"))
                    .thenRefused(DomainException.BadRequest.class, "positive");
        }

        @Test
        void approved_locks_on_its_lock_date_and_clears_on_its_clearing_date() {
            var approved = List.<ActionEvent>of(tracked("a-1"), new ActionApproved("a-1"));
            ACTION.given(approved).when(new LockAction(LocalDate.of(2025, 4, 29))).thenNothing();
            ACTION.given(approved).when(new LockAction(LocalDate.of(2025, 4, 30)))
                    .then(new ActionLocked("a-1", LocalDate.of(2025, 4, 30)));

            var locked = List.<ActionEvent>of(tracked("a-1"), new ActionApproved("a-1"),
                    new ActionLocked("a-1", LocalDate.of(2025, 4, 30)));
            ACTION.given(locked).when(new ClearAction(LocalDate.of(2025, 5, 9))).thenNothing();
            ACTION.given(locked).when(new ClearAction(LocalDate.of(2025, 5, 10)))
                    .then(new ActionCleared("a-1", LocalDate.of(2025, 5, 10)));
        }

        @Test
        void a_pending_action_does_not_lock() {
            ACTION.given(tracked("a-1")).when(new LockAction(LocalDate.of(2030, 1, 1))).thenNothing();
        }

        @Test
        void nothing_changes_after_locking() {
            var locked = List.<ActionEvent>of(tracked("a-1"), new ActionApproved("a-1"),
                    new ActionLocked("a-1", LocalDate.of(2025, 4, 30)));
            ACTION.given(locked).when(new ReverseAction("late fraud"))
                    .thenRefused(DomainException.Conflict.class, "LOCKED");
            ACTION.given(locked).when(new ModifyAction(Money.of(1, "EUR"), "x"))
                    .thenRefused(DomainException.Conflict.class, "LOCKED");
            ACTION.given(locked).when(restore()).thenRefused(DomainException.Conflict.class, "LOCKED");
            ACTION.given(locked).when(new ApproveAction()).thenRefused(DomainException.Conflict.class, "LOCKED");
            ACTION.given(locked).when(new RejectForClosure(LocalDate.of(2025, 1, 1))).thenNothing();
        }

        @Test
        void deactivation_rejects_unlocked_actions_dated_on_or_after_the_closure_date() {
            ACTION.given(tracked("a-1"), new ActionApproved("a-1"))
                    .when(new RejectForClosure(LocalDate.of(2025, 3, 10)))
                    .then(new ActionRejected("a-1", RejectionReason.ACCOUNT_CLOSED));
            ACTION.given(tracked("a-1"), new ActionReversed("a-1", "x"))
                    .when(new RejectForClosure(LocalDate.of(2025, 3, 1)))
                    .then(new ActionRejected("a-1", RejectionReason.ACCOUNT_CLOSED));
            ACTION.given(tracked("a-1")).when(new RejectForClosure(LocalDate.of(2025, 3, 11))).thenNothing();
        }

        @Test
        void commands_on_an_unknown_action_are_not_found() {
            ACTION.given().when(new ApproveAction()).thenRefused(DomainException.NotFound.class, "not found");
        }
    }

    /** Issue 11, point 5: restore only while the action is not locked and the account is not deactivated. */
    @Nested
    class Restore {
        final List<ActionEvent> reversed = List.of(tracked("a-1"), new ActionReversed("a-1", "fraud"));
        final Instant lockAt = Instant.parse("2025-05-01T00:00:00Z"); // the end of the lock date 2025-04-30

        @Test
        void a_reversed_action_is_restored_until_just_before_its_lock_instant() {
            ACTION.given(reversed).when(new RestoreAction(lockAt.minusSeconds(1), Optional.empty()))
                    .then(new ActionRestored("a-1"));
        }

        @Test
        void once_its_lock_date_has_passed_a_reversed_action_can_no_longer_be_restored() {
            ACTION.given(reversed).when(new RestoreAction(lockAt, Optional.empty()))
                    .thenRefused(DomainException.Conflict.class, "its lock date 2025-04-30 has passed");
            ACTION.given(reversed).when(new RestoreAction(lockAt.plusSeconds(86_400 * 40L), Optional.empty()))
                    .thenRefused(DomainException.Conflict.class, "has passed");
        }

        @Test
        void after_the_account_was_deactivated_a_reversed_action_can_no_longer_be_restored() {
            ACTION.given(reversed).when(new RestoreAction(EVENT_AT.plusSeconds(60), Optional.of(LocalDate.of(2025, 4, 1))))
                    .thenRefused(DomainException.Conflict.class, "the account was deactivated (closure date 2025-04-01)");
        }

        @Test
        void while_the_account_is_closing_a_reversed_action_can_no_longer_be_restored() {
            var requested = Instant.parse("2025-04-10T09:00:00Z");
            ACTION.given(reversed).when(new RestoreAction(lockAt.minusSeconds(86_400), Optional.empty(),
                            Optional.of(requested)))
                    .thenRefused(DomainException.Conflict.class,
                            "cannot restore action a-1: the account is closing (closure requested at " + requested);
            // Not closing (never requested, or cancelled since): the lock date alone decides.
            ACTION.given(reversed).when(new RestoreAction(lockAt.minusSeconds(86_400), Optional.empty(),
                    Optional.empty())).then(new ActionRestored("a-1"));
        }

        @Test
        void restoring_a_pending_action_changes_nothing() {
            ACTION.given(tracked("a-1")).when(new RestoreAction(lockAt.plusSeconds(1), Optional.empty())).thenNothing();
        }
    }

    /** Issue 11, point 11: a rejection OUTSIDE_OF_TERMS is judged again when a covering contract arrives later. */
    @Nested
    class TermsRace {
        final List<ActionEvent> outsideOfTerms = ACTION.given().when(track("a-1", 1_000, List.of(), Optional.empty()))
                .thenMatches(e -> assertThat(e).last()
                        .isEqualTo(new ActionRejected("a-1", RejectionReason.OUTSIDE_OF_TERMS))).events();
        final Instant beforeLock = Instant.parse("2025-03-10T12:05:00Z");

        @Test
        void a_contract_covering_the_event_time_puts_the_action_back_to_pending() {
            var then = ACTION.given(outsideOfTerms)
                    .when(new ReevaluateTerms(List.of(CONTRACT), beforeLock, Optional.empty()))
                    .then(new ActionReevaluated("a-1", "c-1"));
            assertThat(then.state()).isInstanceOf(ActionState.Pending.class);
            // From there the normal path: it can be approved.
            then.andWhen(new ApproveAction()).then(new ActionApproved("a-1"));
        }

        @Test
        void a_contract_that_does_not_cover_the_event_time_or_partner_changes_nothing() {
            var laterContract = new ContractPeriod("c-1", "p-1", EVENT_AT.plusSeconds(1), null);
            var otherPartner = new ContractPeriod("c-2", "p-2", Instant.parse("2025-01-01T00:00:00Z"), null);
            ACTION.given(outsideOfTerms)
                    .when(new ReevaluateTerms(List.of(laterContract, otherPartner), beforeLock, Optional.empty()))
                    .thenNothing();
        }

        @Test
        void after_the_lock_instant_or_the_deactivation_the_rejection_stands() {
            ACTION.given(outsideOfTerms)
                    .when(new ReevaluateTerms(List.of(CONTRACT), Instant.parse("2025-05-01T00:00:00Z"), Optional.empty()))
                    .thenNothing();
            ACTION.given(outsideOfTerms)
                    .when(new ReevaluateTerms(List.of(CONTRACT), beforeLock, Optional.of(LocalDate.of(2025, 4, 1))))
                    .thenNothing();
        }

        @Test
        void only_a_terms_rejection_is_judged_again() {
            var closed = ACTION.given()
                    .when(track("a-2", 1_000, List.of(CONTRACT), Optional.of(LocalDate.of(2025, 3, 10))))
                    .thenMatches(e -> { }).events();
            ACTION.given(closed).when(new ReevaluateTerms(List.of(CONTRACT), beforeLock, Optional.empty()))
                    .thenNothing();
            ACTION.given(tracked("a-3")).when(new ReevaluateTerms(List.of(CONTRACT), beforeLock, Optional.empty()))
                    .thenNothing();
        }
    }

    @AfterAll
    static void every_event_type_is_decided_by_some_test() {
        ACTION.assertCovered(ActionEvent.class);
    }
}
