package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingCommand.ApproveCost;
import com.brandclosure.funding.domain.FundingCommand.AuthorizeRefund;
import com.brandclosure.funding.domain.FundingCommand.BillCharge;
import com.brandclosure.funding.domain.FundingCommand.ChangeCost;
import com.brandclosure.funding.domain.FundingCommand.ClearDeposit;
import com.brandclosure.funding.domain.FundingCommand.FailDeposit;
import com.brandclosure.funding.domain.FundingCommand.LockCost;
import com.brandclosure.funding.domain.FundingCommand.OpenAccount;
import com.brandclosure.funding.domain.FundingCommand.PayCost;
import com.brandclosure.funding.domain.FundingCommand.PayDue;
import com.brandclosure.funding.domain.FundingCommand.ReceiveDeposit;
import com.brandclosure.funding.domain.FundingCommand.RecordDeactivation;
import com.brandclosure.funding.domain.FundingCommand.WithdrawCost;
import com.brandclosure.funding.domain.FundingEvent.AccountOpened;
import com.brandclosure.funding.domain.FundingEvent.ChargeBilled;
import com.brandclosure.funding.domain.FundingEvent.ChargePaid;
import com.brandclosure.funding.domain.FundingEvent.CostApproved;
import com.brandclosure.funding.domain.FundingEvent.CostChanged;
import com.brandclosure.funding.domain.FundingEvent.CostLocked;
import com.brandclosure.funding.domain.FundingEvent.CostPaid;
import com.brandclosure.funding.domain.FundingEvent.CostWithdrawn;
import com.brandclosure.funding.domain.FundingEvent.DeactivationRecorded;
import com.brandclosure.funding.domain.FundingEvent.DepositCleared;
import com.brandclosure.funding.domain.FundingEvent.DepositFailed;
import com.brandclosure.funding.domain.FundingEvent.DepositReceived;
import com.brandclosure.funding.domain.FundingEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingEvent.PastDuePaid;
import com.brandclosure.funding.domain.FundingEvent.PaymentOverdue;
import com.brandclosure.funding.domain.FundingEvent.RefundAuthorized;
import com.brandclosure.funding.domain.FundingEvent.RefundIssued;
import com.brandclosure.funding.domain.FundingEvent.RequiredFundingChanged;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingAccountTest {

    static final Instant NOW = Instant.parse("2025-06-10T09:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Set<Class<?>> PRODUCED = ConcurrentHashMap.newKeySet();

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    /** given(history).when(command) at NOW: the decided events. */
    static List<FundingEvent> when(List<FundingEvent> given, FundingCommand command) {
        return when(given, command, NOW);
    }

    static List<FundingEvent> when(List<FundingEvent> given, FundingCommand command, Instant now) {
        var events = FundingAccount.decide(command, FundingAccount.fold(given), now);
        events.forEach(e -> PRODUCED.add(e.getClass()));
        return events;
    }

    static FundingState.Active stateAfter(List<FundingEvent> given, List<FundingEvent> more) {
        var all = new ArrayList<>(given);
        all.addAll(more);
        return (FundingState.Active) FundingAccount.fold(all);
    }

    /** An open account with its first summary already announced (sufficient, nothing required). */
    static List<FundingEvent> opened() {
        var all = new ArrayList<FundingEvent>();
        all.addAll(when(List.of(), new OpenAccount("brand-1", EUR)));
        return all;
    }

    static List<FundingEvent> history(List<FundingEvent> given, FundingCommand... commands) {
        var all = new ArrayList<>(given);
        for (FundingCommand c : commands) {
            all.addAll(when(all, c));
        }
        return all;
    }

    static final Instant CLEARING_AT = Instant.parse("2025-07-15T00:00:00Z");

    static ApproveCost approve(String id, long minor) {
        return new ApproveCost(id, eur(minor), LocalDate.of(2025, 7, 15), CLEARING_AT);
    }

    @Test
    void opening_announces_a_sufficient_account_with_nothing_required() {
        assertThat(opened()).containsExactly(new AccountOpened("brand-1", EUR),
                new FundingSufficient(eur(0), eur(0), NOW));
    }

    @Test
    void an_approved_cost_raises_required_funding_and_makes_an_empty_account_insufficient() {
        var events = when(opened(), approve("a-1", 5_000));
        assertThat(events).containsExactly(
                new CostApproved("a-1", eur(5_000), LocalDate.of(2025, 7, 15), CLEARING_AT),
                new RequiredFundingChanged(eur(0), eur(5_000), eur(5_000), eur(0)),
                new FundingInsufficient(eur(0), eur(5_000), eur(0), NOW));
    }

    @Test
    void a_batch_of_approvals_yields_one_summary() {
        var events = FundingAccount.decideAll(List.of(approve("a-1", 100), approve("a-2", 200), approve("a-3", 300)),
                FundingAccount.fold(opened()), NOW);
        assertThat(events.stream().filter(e -> e instanceof RequiredFundingChanged)).containsExactly(
                new RequiredFundingChanged(eur(0), eur(600), eur(600), eur(0)));
    }

    @Test
    void a_card_deposit_is_credited_at_once_and_makes_the_account_sufficient() {
        var given = history(opened(), approve("a-1", 5_000));
        var events = when(given, new ReceiveDeposit("d-1", DepositMethod.CARD, eur(5_000)));
        assertThat(events).containsExactly(new DepositReceived("d-1", DepositMethod.CARD, eur(5_000), false),
                new FundingSufficient(eur(5_000), eur(5_000), NOW));
    }

    @Test
    void wire_and_ach_deposits_are_pending_until_cleared() {
        var given = history(opened(), approve("a-1", 5_000));
        var wire = when(given, new ReceiveDeposit("d-1", DepositMethod.WIRE, eur(5_000)));
        assertThat(wire).containsExactly(new DepositReceived("d-1", DepositMethod.WIRE, eur(5_000), true));
        var afterWire = history(given, new ReceiveDeposit("d-1", DepositMethod.WIRE, eur(5_000)));
        assertThat(stateAfter(afterWire, List.of()).pendingDeposits()).isEqualTo(eur(5_000));
        assertThat(when(afterWire, new ClearDeposit("d-1"))).containsExactly(new DepositCleared("d-1", eur(5_000)),
                new FundingSufficient(eur(5_000), eur(5_000), NOW));
    }

    @Test
    void a_failed_ach_after_clearing_is_taken_back_and_makes_the_account_insufficient_again() {
        var funded = history(opened(), approve("a-1", 5_000),
                new ReceiveDeposit("d-1", DepositMethod.ACH, eur(5_000)), new ClearDeposit("d-1"));
        assertThat(stateAfter(funded, List.of()).sufficient(NOW)).isTrue();
        var events = when(funded, new FailDeposit("d-1", "R01 insufficient funds"));
        assertThat(events).containsExactly(new DepositFailed("d-1", eur(5_000), "R01 insufficient funds"),
                new FundingInsufficient(eur(0), eur(5_000), eur(0), NOW));
        assertThat(stateAfter(funded, events).balance()).isEqualTo(eur(0));
    }

    @Test
    void a_failed_ach_while_pending_just_disappears() {
        var given = history(opened(), new ReceiveDeposit("d-1", DepositMethod.ACH, eur(700)));
        var events = when(given, new FailDeposit("d-1", "R02 account closed"));
        assertThat(events).containsExactly(new DepositFailed("d-1", eur(700), "R02 account closed"));
        assertThat(stateAfter(given, events).pendingDeposits()).isEqualTo(eur(0));
    }

    @Test
    void only_ach_can_fail() {
        var given = history(opened(), new ReceiveDeposit("d-1", DepositMethod.WIRE, eur(700)));
        assertThatThrownBy(() -> when(given, new FailDeposit("d-1", "x")))
                .isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void bad_deposits_are_refused() {
        var given = opened();
        assertThatThrownBy(() -> when(given, new ReceiveDeposit("d", DepositMethod.CARD, eur(0))))
                .isInstanceOf(DomainException.BadRequest.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> when(given, new ReceiveDeposit("d", DepositMethod.CARD, eur(-1))))
                .isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> when(given, new ReceiveDeposit("d", DepositMethod.CARD, Money.of(10, "USD"))))
                .isInstanceOf(DomainException.BadRequest.class).hasMessageContaining("account currency EUR");
        assertThatThrownBy(() -> when(given, new ReceiveDeposit("d", DepositMethod.CARD,
                eur(FundingAccount.MAX_AMOUNT_MINOR + 1)))).isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> when(List.of(), new ReceiveDeposit("d", DepositMethod.CARD, eur(1))))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void money_arithmetic_overflow_is_an_error_not_a_wrap() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).plus(eur(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void modified_and_withdrawn_costs_follow_payouts() {
        var given = history(opened(), approve("a-1", 5_000), approve("a-2", 1_000));
        var changed = when(given, new ChangeCost("a-1", eur(3_000)));
        assertThat(changed).startsWith(new CostChanged("a-1", eur(3_000)));
        assertThat(stateAfter(given, changed).requiredFunding(NOW)).isEqualTo(eur(4_000));
        var withdrawn = when(given, new WithdrawCost("a-2", "REVERSED"));
        assertThat(withdrawn).startsWith(new CostWithdrawn("a-2", "REVERSED"));
        assertThat(stateAfter(given, withdrawn).requiredFunding(NOW)).isEqualTo(eur(5_000));
        // A pending action's modification is not a cost yet.
        assertThat(when(given, new ChangeCost("a-9", eur(1)))).isEmpty();
    }

    @Test
    void a_locked_cost_is_paid_at_its_clearing_time_from_the_balance() {
        var given = history(opened(), new ReceiveDeposit("d-1", DepositMethod.CARD, eur(10_000)), approve("a-1", 4_000),
                new LockCost("a-1", eur(4_000), LocalDate.of(2025, 7, 15), CLEARING_AT));
        assertThat(given).contains(new CostLocked("a-1", eur(4_000), LocalDate.of(2025, 7, 15), CLEARING_AT));
        assertThat(when(given, new PayDue(), CLEARING_AT.minusSeconds(1))).isEmpty();
        var paid = when(given, new PayDue(), CLEARING_AT);
        assertThat(paid).containsExactly(new CostPaid("a-1", eur(4_000)),
                new RequiredFundingChanged(eur(0), eur(0), eur(0), eur(6_000)));
        assertThat(stateAfter(given, paid).balance()).isEqualTo(eur(6_000));
        // payouts' ActionCleared arriving afterwards finds nothing left to pay.
        assertThat(when(stateAfterList(given, paid), new PayCost("a-1"))).isEmpty();
    }

    static List<FundingEvent> stateAfterList(List<FundingEvent> given, List<FundingEvent> more) {
        var all = new ArrayList<>(given);
        all.addAll(more);
        return all;
    }

    @Test
    void a_cost_the_balance_cannot_cover_becomes_past_due_and_a_later_deposit_settles_it() {
        var given = history(opened(), approve("a-1", 4_000),
                new LockCost("a-1", eur(4_000), LocalDate.of(2025, 7, 15), CLEARING_AT));
        var overdue = when(given, new PayCost("a-1"), CLEARING_AT);
        assertThat(overdue).containsExactly(new PaymentOverdue("a-1", eur(4_000)),
                new RequiredFundingChanged(eur(4_000), eur(0), eur(4_000), eur(0)));
        var afterOverdue = stateAfterList(given, overdue);
        var deposit = when(afterOverdue, new ReceiveDeposit("d-1", DepositMethod.CARD, eur(5_000)), CLEARING_AT);
        assertThat(deposit).containsExactly(new DepositReceived("d-1", DepositMethod.CARD, eur(5_000), false),
                new PastDuePaid("a-1", eur(4_000)),
                new RequiredFundingChanged(eur(0), eur(0), eur(0), eur(1_000)),
                new FundingSufficient(eur(1_000), eur(0), CLEARING_AT));
    }

    @Test
    void fees_count_when_due_within_45_days_and_are_paid_on_their_due_date() {
        var given = history(opened(), new ReceiveDeposit("d-1", DepositMethod.CARD, eur(1_000)));
        // NOW is June 10th: the window reaches July 25th.
        var near = when(given, new BillCharge("f-1", eur(300), LocalDate.of(2025, 7, 20), "platform fee"));
        assertThat(near).containsExactly(new ChargeBilled("f-1", eur(300), LocalDate.of(2025, 7, 20), "platform fee"),
                new RequiredFundingChanged(eur(0), eur(300), eur(300), eur(1_000)));
        var withNear = stateAfterList(given, near);
        var far = when(withNear, new BillCharge("f-2", eur(200), LocalDate.of(2025, 8, 1), "late fee"));
        assertThat(far).containsExactly(new ChargeBilled("f-2", eur(200), LocalDate.of(2025, 8, 1), "late fee"));
        var withBoth = stateAfterList(withNear, far);
        // On July 20th the first fee is paid and the second one has entered the window.
        assertThat(when(withBoth, new PayDue(), Instant.parse("2025-07-20T00:00:00Z"))).containsExactly(
                new ChargePaid("f-1", eur(300)),
                new RequiredFundingChanged(eur(0), eur(200), eur(200), eur(700)));
    }

    @Test
    void refund_is_refused_before_deactivation_and_while_costs_are_not_cleared() {
        var given = history(opened(), new ReceiveDeposit("d-1", DepositMethod.CARD, eur(10_000)), approve("a-1", 4_000),
                new LockCost("a-1", eur(4_000), LocalDate.of(2025, 7, 15), CLEARING_AT));
        assertThatThrownBy(() -> when(given, new AuthorizeRefund("r-a", "r-1", "agent-7")))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("not been deactivated");
        var deactivated = history(given, new RecordDeactivation(LocalDate.of(2025, 6, 20)));
        assertThat(deactivated).contains(new DeactivationRecorded(LocalDate.of(2025, 6, 20)));
        assertThatThrownBy(() -> when(deactivated, new AuthorizeRefund("r-a", "r-1", "agent-7")))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("not cleared");

        var cleared = stateAfterList(deactivated, when(deactivated, new PayDue(), CLEARING_AT));
        var refund = when(cleared, new AuthorizeRefund("r-a", "r-1", "agent-7"), CLEARING_AT);
        assertThat(refund).containsExactly(new RefundAuthorized("r-a", "agent-7"), new RefundIssued("r-1", eur(6_000)));
        var closed = FundingAccount.fold(stateAfterList(cleared, refund));
        assertThat(closed).isInstanceOf(FundingState.Closed.class);
        assertThatThrownBy(() -> FundingAccount.decide(new ReceiveDeposit("d-2", DepositMethod.CARD, eur(1)), closed, NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("closed");
    }

    @Test
    void reopening_in_another_currency_is_refused_and_the_same_currency_is_a_no_op() {
        assertThat(when(opened(), new OpenAccount("brand-1", EUR))).isEmpty();
        assertThatThrownBy(() -> when(opened(), new OpenAccount("brand-1", Currency.getInstance("USD"))))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @AfterAll
    static void every_event_type_is_produced_by_some_test() {
        assertThat(PRODUCED).containsAll(Arrays.asList(FundingEvent.class.getPermittedSubclasses()));
    }
}
