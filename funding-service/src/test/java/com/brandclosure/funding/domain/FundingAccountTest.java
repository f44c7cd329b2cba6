package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.AccountOpened;
import com.brandclosure.funding.domain.FundingAccountEvent.ChargeBilled;
import com.brandclosure.funding.domain.FundingAccountEvent.ChargePaid;
import com.brandclosure.funding.domain.FundingAccountEvent.CostApproved;
import com.brandclosure.funding.domain.FundingAccountEvent.CostChanged;
import com.brandclosure.funding.domain.FundingAccountEvent.CostLocked;
import com.brandclosure.funding.domain.FundingAccountEvent.CostPaid;
import com.brandclosure.funding.domain.FundingAccountEvent.CostWithdrawn;
import com.brandclosure.funding.domain.FundingAccountEvent.DeactivationRecorded;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositCleared;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositFailed;
import com.brandclosure.funding.domain.FundingAccountEvent.DepositReceived;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.PastDuePaid;
import com.brandclosure.funding.domain.FundingAccountEvent.PaymentOverdue;
import com.brandclosure.funding.domain.FundingAccountEvent.RefundAuthorized;
import com.brandclosure.funding.domain.FundingAccountEvent.RefundIssued;
import com.brandclosure.funding.domain.FundingAccountEvent.RequiredFundingChanged;
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
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingAccountTest {

    static final Instant NOW = Instant.parse("2025-06-10T09:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant CLEARING_AT = Instant.parse("2025-07-15T00:00:00Z");
    static final LocalDate CLEARING_DATE = LocalDate.of(2025, 7, 15);

    /** One decider for the whole class, so {@link #every_event_type_is_decided_by_some_test} sees every when. */
    static final Decider<FundingCommand, FundingAccountEvent, FundingState> account =
            new Decider<>(FundingAccount.initial(), FundingAccount::decide, FundingAccount::evolve);

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static FundingState.Active active(FundingState state) {
        return (FundingState.Active) state;
    }

    /** The history that {@code commands} (decided at their own now) leave on top of {@code given}. */
    static List<FundingAccountEvent> history(List<FundingAccountEvent> given, FundingCommand... commands) {
        var all = new ArrayList<>(given);
        for (FundingCommand c : commands) {
            all.addAll(FundingAccount.decide(c, FundingAccount.DECIDER.fold(FundingAccount.initial(), all)));
        }
        return all;
    }

    /** An open account with its first summary already announced (sufficient, nothing required). */
    static List<FundingAccountEvent> opened() {
        return history(List.of(), open("EUR"));
    }

    static OpenAccount open(String currency) {
        return new OpenAccount("brand-1", Currency.getInstance(currency), NOW);
    }

    static ApproveCost approve(String id, long minor) {
        return new ApproveCost(id, eur(minor), CLEARING_DATE, CLEARING_AT, NOW);
    }

    static LockCost lock(String id, long minor) {
        return new LockCost(id, eur(minor), CLEARING_DATE, CLEARING_AT, NOW);
    }

    static ReceiveDeposit deposit(String id, DepositMethod method, Money amount) {
        return new ReceiveDeposit(id, method, amount, NOW);
    }

    @Test
    void opening_announces_a_sufficient_account_with_nothing_required() {
        account.given().when(open("EUR")).then(new AccountOpened("brand-1", EUR),
                new FundingSufficient(eur(0), eur(0), NOW));
    }

    @Test
    void an_approved_cost_raises_required_funding_and_makes_an_empty_account_insufficient() {
        account.given(opened()).when(approve("a-1", 5_000)).then(
                new CostApproved("a-1", eur(5_000), CLEARING_DATE, CLEARING_AT),
                new RequiredFundingChanged(eur(0), eur(5_000), eur(5_000), eur(0)),
                new FundingInsufficient(eur(0), eur(5_000), eur(0), NOW));
    }

    @Test
    void a_batch_of_approvals_yields_one_summary() {
        var decision = FundingAccount.decideEach(List.of(approve("a-1", 100), approve("a-2", 200), approve("a-3", 300)),
                account.given(opened()).state());
        assertThat(decision.events().stream().filter(e -> e instanceof RequiredFundingChanged)).containsExactly(
                new RequiredFundingChanged(eur(0), eur(600), eur(600), eur(0)));
    }

    @Test
    void a_refused_command_of_a_batch_is_left_out_and_reported_and_the_others_stand() {
        var unknown = new ClearDeposit("d-9", NOW);
        var decision = FundingAccount.decideEach(List.of(approve("a-1", 100), unknown, approve("a-3", 300)),
                account.given(opened()).state());
        assertThat(decision.events()).containsExactly(
                new CostApproved("a-1", eur(100), CLEARING_DATE, CLEARING_AT),
                new CostApproved("a-3", eur(300), CLEARING_DATE, CLEARING_AT),
                new RequiredFundingChanged(eur(0), eur(400), eur(400), eur(0)),
                new FundingInsufficient(eur(0), eur(400), eur(0), NOW));
        assertThat(decision.refused()).singleElement().satisfies(r -> {
            assertThat(r.command()).isEqualTo(unknown);
            assertThat(r.reason()).isInstanceOf(DomainException.NotFound.class).hasMessageContaining("d-9");
        });
    }

    static final FundingState.Blocker USD_BLOCKER = new FundingState.Blocker("COST_NOT_BOOKABLE", "a-2",
            "currency USD is not the account currency EUR (rule IN_ACCOUNT_CURRENCY)");

    @Test
    void a_cost_in_another_currency_is_never_dropped_the_account_stays_insufficient_naming_it() {
        var usd = new ApproveCost("a-2", Money.of(200, "USD"), CLEARING_DATE, CLEARING_AT, NOW);
        // Given a funded account, when payouts approves a cost the account cannot book,
        var funded = history(opened(), deposit("d-1", DepositMethod.CARD, eur(10_000)), new ClearDeposit("d-1", NOW));
        var decision = FundingAccount.decideEach(List.of(approve("a-1", 100), usd, approve("a-3", 300)),
                account.given(funded).state());
        // then it is kept as blocked and the account is insufficient with the reason, though the balance covers the rest.
        assertThat(decision.refused()).isEmpty();
        assertThat(decision.events()).containsExactly(
                new CostApproved("a-1", eur(100), CLEARING_DATE, CLEARING_AT),
                new FundingAccountEvent.CostBlocked("a-2", Money.of(200, "USD"), false, CLEARING_DATE, CLEARING_AT,
                        "IN_ACCOUNT_CURRENCY", "currency USD is not the account currency EUR"),
                new CostApproved("a-3", eur(300), CLEARING_DATE, CLEARING_AT),
                new RequiredFundingChanged(eur(0), eur(400), eur(400), eur(10_000)),
                new FundingInsufficient(eur(10_000), eur(400), eur(0), NOW, List.of(USD_BLOCKER)));
        // Alone, it makes a funded account with nothing else owed insufficient.
        account.given(funded).when(usd).then(new FundingAccountEvent.CostBlocked("a-2", Money.of(200, "USD"), false,
                        CLEARING_DATE, CLEARING_AT, "IN_ACCOUNT_CURRENCY", "currency USD is not the account currency EUR"),
                new FundingInsufficient(eur(10_000), eur(0), eur(0), NOW, List.of(USD_BLOCKER)));
        var blocked = account.given(history(funded, approve("a-1", 100), usd));
        // The same word again changes nothing; the lock of it keeps it blocked (now locked); clearing pays nothing.
        blocked.when(usd).thenNothing();
        blocked.when(new PayCost("a-2", CLEARING_AT)).thenNothing();
        assertThatThrownBy(() -> FundingAccount.decide(new AuthorizeRefund("r-a", "r-1", "agent-7", NOW),
                account.given(history(funded, usd, new RecordDeactivation(LocalDate.of(2025, 6, 20), NOW))).state()))
                .hasMessageContaining("rule NO_BLOCKED_COSTS");
    }

    @Test
    void support_resolves_a_blocked_cost_by_booking_it_or_writing_it_off_with_an_audit_note() {
        var usd = new LockCost("a-2", Money.of(200, "USD"), CLEARING_DATE, CLEARING_AT, NOW);
        var blocked = account.given(history(opened(), deposit("d-1", DepositMethod.CARD, eur(10_000)),
                new ClearDeposit("d-1", NOW), usd));
        blocked.when(new FundingCommand.ResolveBlockedCost("a-2", eur(180), "agent-7", "converted at 0.90", NOW))
                .then(new FundingAccountEvent.BlockedCostResolved("a-2", "BOOKED", eur(180), "agent-7",
                                "converted at 0.90"),
                        new CostLocked("a-2", eur(180), CLEARING_DATE, CLEARING_AT),
                        new RequiredFundingChanged(eur(0), eur(180), eur(180), eur(10_000)),
                        new FundingSufficient(eur(10_000), eur(180), NOW));
        blocked.when(new FundingCommand.ResolveBlockedCost("a-2", null, "agent-7", "paid by wire outside", NOW))
                .then(new FundingAccountEvent.BlockedCostResolved("a-2", "WRITTEN_OFF", null, "agent-7",
                        "paid by wire outside"), new FundingSufficient(eur(10_000), eur(0), NOW));
        blocked.when(new FundingCommand.ResolveBlockedCost("a-2", null, "agent-7", " ", NOW))
                .thenRefused(DomainException.BadRequest.class, "note");
        blocked.when(new FundingCommand.ResolveBlockedCost("a-9", null, "agent-7", "x", NOW))
                .thenRefused(DomainException.NotFound.class, "no blocked cost a-9");
        // payouts reversing the action instead also releases the account.
        blocked.when(new WithdrawCost("a-2", "reversed", NOW)).then(new CostWithdrawn("a-2", "reversed"),
                new FundingSufficient(eur(10_000), eur(0), NOW));
    }

    @Test
    void a_card_deposit_is_credited_only_when_the_processor_confirms_it() {
        // Given Required Funding of 5 000, when the brand admin requests a card deposit, only the intent is recorded;
        var requested = account.given(history(opened(), approve("a-1", 5_000)))
                .when(deposit("d-1", DepositMethod.CARD, eur(5_000)))
                .then(new DepositReceived("d-1", DepositMethod.CARD, eur(5_000), true));
        assertThat(active(requested.state()).balance()).isEqualTo(eur(0));
        // then the processor's confirmation (which may come at once) credits it.
        requested.andWhen(new ClearDeposit("d-1", NOW)).then(new DepositCleared("d-1", eur(5_000)),
                new FundingSufficient(eur(5_000), eur(5_000), NOW));
        // A declined card fails before it was ever credited.
        requested.andWhen(new FailDeposit("d-1", "declined", NOW))
                .then(new DepositFailed("d-1", eur(5_000), "declined"));
    }

    @Test
    void wire_and_ach_deposits_are_pending_until_cleared() {
        var wire = account.given(history(opened(), approve("a-1", 5_000)))
                .when(deposit("d-1", DepositMethod.WIRE, eur(5_000)))
                .then(new DepositReceived("d-1", DepositMethod.WIRE, eur(5_000), true));
        assertThat(active(wire.state()).pendingDeposits()).isEqualTo(eur(5_000));
        wire.andWhen(new ClearDeposit("d-1", NOW)).then(new DepositCleared("d-1", eur(5_000)),
                new FundingSufficient(eur(5_000), eur(5_000), NOW));
    }

    @Test
    void a_failed_ach_after_clearing_is_taken_back_and_makes_the_account_insufficient_again() {
        var funded = account.given(history(opened(), approve("a-1", 5_000),
                deposit("d-1", DepositMethod.ACH, eur(5_000)), new ClearDeposit("d-1", NOW)));
        assertThat(active(funded.state()).sufficient(NOW)).isTrue();
        var failed = funded.when(new FailDeposit("d-1", "R01 insufficient funds", NOW))
                .then(new DepositFailed("d-1", eur(5_000), "R01 insufficient funds"),
                        new FundingInsufficient(eur(0), eur(5_000), eur(0), NOW));
        assertThat(active(failed.state()).balance()).isEqualTo(eur(0));
    }

    @Test
    void a_failed_ach_while_pending_just_disappears() {
        var failed = account.given(history(opened(), deposit("d-1", DepositMethod.ACH, eur(700))))
                .when(new FailDeposit("d-1", "R02 account closed", NOW))
                .then(new DepositFailed("d-1", eur(700), "R02 account closed"));
        assertThat(active(failed.state()).pendingDeposits()).isEqualTo(eur(0));
    }

    @Test
    void only_ach_can_fail() {
        account.given(history(opened(), deposit("d-1", DepositMethod.WIRE, eur(700)), new ClearDeposit("d-1", NOW)))
                .when(new FailDeposit("d-1", "x", NOW))
                .thenRefused(DomainException.RuleViolation.class, "only ACH deposits can fail");
    }

    @Test
    void bad_deposits_are_refused() {
        var given = account.given(opened());
        given.when(deposit("d", DepositMethod.CARD, eur(0))).thenRefused(DomainException.BadRequest.class, "positive");
        given.when(deposit("d", DepositMethod.CARD, eur(-1))).thenRefused(DomainException.BadRequest.class, "positive");
        given.when(deposit("d", DepositMethod.CARD, Money.of(10, "USD")))
                .thenRefused(DomainException.BadRequest.class, "account currency EUR");
        given.when(deposit("d", DepositMethod.CARD, eur(AmountPolicy.MAX_AMOUNT_MINOR + 1)))
                .thenRefused(DomainException.BadRequest.class, "exceeds the limit");
        account.given().when(deposit("d", DepositMethod.CARD, eur(1)))
                .thenRefused(DomainException.NotFound.class, "not found");
    }

    @Test
    void money_arithmetic_overflow_is_an_error_not_a_wrap() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).plus(eur(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void modified_and_withdrawn_costs_follow_payouts() {
        var given = account.given(history(opened(), approve("a-1", 5_000), approve("a-2", 1_000)));
        var changed = given.when(new ChangeCost("a-1", eur(3_000), NOW))
                .thenMatches(events -> assertThat(events).startsWith(new CostChanged("a-1", eur(3_000))));
        assertThat(active(changed.state()).requiredFunding(NOW)).isEqualTo(eur(4_000));
        var withdrawn = given.when(new WithdrawCost("a-2", "REVERSED", NOW))
                .thenMatches(events -> assertThat(events).startsWith(new CostWithdrawn("a-2", "REVERSED")));
        assertThat(active(withdrawn.state()).requiredFunding(NOW)).isEqualTo(eur(5_000));
        // A pending action's modification is not a cost yet.
        given.when(new ChangeCost("a-9", eur(1), NOW)).thenNothing();
    }

    @Test
    void a_locked_cost_is_paid_at_its_clearing_time_from_the_balance() {
        var locked = account.given(history(opened(), deposit("d-1", DepositMethod.CARD, eur(10_000)),
                        new ClearDeposit("d-1", NOW), approve("a-1", 4_000)))
                .when(lock("a-1", 4_000))
                .thenMatches(events -> assertThat(events).contains(
                        new CostLocked("a-1", eur(4_000), CLEARING_DATE, CLEARING_AT)));
        var paid = locked.andWhen(new PayDue(CLEARING_AT.minusSeconds(1))).thenNothing()
                .andWhen(new PayDue(CLEARING_AT))
                .then(new CostPaid("a-1", eur(4_000)), new RequiredFundingChanged(eur(0), eur(0), eur(0), eur(6_000)));
        assertThat(active(paid.state()).balance()).isEqualTo(eur(6_000));
        // payouts' ActionCleared arriving afterwards finds nothing left to pay.
        paid.andWhen(new PayCost("a-1", NOW)).thenNothing();
    }

    @Test
    void a_cost_the_balance_cannot_cover_becomes_past_due_and_a_later_deposit_settles_it() {
        account.given(history(opened(), approve("a-1", 4_000), lock("a-1", 4_000)))
                .when(new PayCost("a-1", CLEARING_AT))
                .then(new PaymentOverdue("a-1", eur(4_000)),
                        new RequiredFundingChanged(eur(4_000), eur(0), eur(4_000), eur(0)))
                .andWhen(new ReceiveDeposit("d-1", DepositMethod.CARD, eur(5_000), CLEARING_AT))
                .then(new DepositReceived("d-1", DepositMethod.CARD, eur(5_000), true))
                .andWhen(new ClearDeposit("d-1", CLEARING_AT))
                .then(new DepositCleared("d-1", eur(5_000)),
                        new PastDuePaid("a-1", eur(4_000)),
                        new RequiredFundingChanged(eur(0), eur(0), eur(0), eur(1_000)),
                        new FundingSufficient(eur(1_000), eur(0), CLEARING_AT));
    }

    @Test
    void fees_count_when_due_within_45_days_and_are_paid_on_their_due_date() {
        // NOW is June 10th: the window reaches July 25th.
        account.given(history(opened(), deposit("d-1", DepositMethod.CARD, eur(1_000)), new ClearDeposit("d-1", NOW)))
                .when(new BillCharge("f-1", eur(300), LocalDate.of(2025, 7, 20), "platform fee", NOW))
                .then(new ChargeBilled("f-1", eur(300), LocalDate.of(2025, 7, 20), "platform fee"),
                        new RequiredFundingChanged(eur(0), eur(300), eur(300), eur(1_000)))
                .andWhen(new BillCharge("f-2", eur(200), LocalDate.of(2025, 8, 1), "late fee", NOW))
                .then(new ChargeBilled("f-2", eur(200), LocalDate.of(2025, 8, 1), "late fee"))
                // On July 20th the first fee is paid and the second one has entered the window.
                .andWhen(new PayDue(Instant.parse("2025-07-20T00:00:00Z")))
                .then(new ChargePaid("f-1", eur(300)), new RequiredFundingChanged(eur(0), eur(200), eur(200), eur(700)));
    }

    @Test
    void refund_is_refused_before_deactivation_and_while_costs_are_not_cleared() {
        var given = account.given(history(opened(), deposit("d-1", DepositMethod.CARD, eur(10_000)),
                new ClearDeposit("d-1", NOW), approve("a-1", 4_000), lock("a-1", 4_000)));
        given.when(new AuthorizeRefund("r-a", "r-1", "agent-7", NOW))
                .thenRefused(DomainException.RuleViolation.class, "not been deactivated");
        var deactivated = given.when(new RecordDeactivation(LocalDate.of(2025, 6, 20), NOW))
                .thenMatches(events -> assertThat(events).contains(new DeactivationRecorded(LocalDate.of(2025, 6, 20))));
        deactivated.andWhen(new AuthorizeRefund("r-a", "r-1", "agent-7", NOW))
                .thenRefused(DomainException.RuleViolation.class, "not cleared");

        var refunded = deactivated.andWhen(new PayDue(CLEARING_AT))
                .thenMatches(events -> assertThat(events).startsWith(new CostPaid("a-1", eur(4_000))))
                .andWhen(new AuthorizeRefund("r-a", "r-1", "agent-7", CLEARING_AT))
                .then(new RefundAuthorized("r-a", "agent-7"), new RefundIssued("r-1", eur(6_000)));
        assertThat(refunded.state()).isInstanceOf(FundingState.Closed.class);
        account.givenState(refunded.state()).when(deposit("d-2", DepositMethod.CARD, eur(1)))
                .thenRefused(DomainException.Conflict.class, "closed");
    }

    @Test
    void a_refund_refusal_names_the_rule_that_refused() {
        var deactivated = history(opened(), deposit("d-1", DepositMethod.ACH, eur(500)),
                new RecordDeactivation(LocalDate.of(2025, 6, 20), NOW));
        account.given(opened()).when(new AuthorizeRefund("r-a", "r-1", "agent-7", NOW))
                .thenRefused(DomainException.RuleViolation.class, "(rule ACCOUNT_DEACTIVATED)");
        account.given(deactivated).when(new AuthorizeRefund("r-a", "r-1", "agent-7", NOW))
                .thenRefused(DomainException.RuleViolation.class,
                        "deposits of " + eur(500) + " are still pending (rule NO_PENDING_DEPOSITS)");
        assertThat(RefundPolicy.firstRejection(active(account.given(deactivated).state())))
                .hasValue(new Verdict.Rejected("NO_PENDING_DEPOSITS", "deposits of " + eur(500) + " are still pending"));
    }

    @Test
    void a_deactivation_of_a_brand_that_never_opened_a_funding_account_is_recorded_for_a_late_cost() {
        // Given a deactivated brand without funding account, a late cost opens an account that knows the closure date.
        var deactivated = account.given().when(new RecordDeactivation(LocalDate.of(2025, 6, 20), NOW))
                .then(new DeactivationRecorded(LocalDate.of(2025, 6, 20)));
        deactivated.andWhen(new RecordDeactivation(LocalDate.of(2025, 6, 20), NOW)).thenNothing();
        var opened = deactivated.andWhen(open("EUR")).thenMatches(events -> assertThat(events).startsWith(
                new AccountOpened("brand-1", EUR)));
        assertThat(active(opened.state()).closureDate()).isEqualTo(LocalDate.of(2025, 6, 20));
    }

    @Test
    void a_past_due_amount_after_deactivation_is_a_named_blocker_of_the_refund() {
        var pastDue = account.given(history(opened(), approve("a-1", 4_000), lock("a-1", 4_000),
                new PayCost("a-1", CLEARING_AT)));
        var deactivated = pastDue.when(new RecordDeactivation(LocalDate.of(2025, 6, 20), CLEARING_AT))
                .then(new DeactivationRecorded(LocalDate.of(2025, 6, 20)),
                        new FundingInsufficient(eur(0), eur(4_000), eur(4_000), CLEARING_AT, List.of(
                                new FundingState.Blocker("PAST_DUE_AFTER_DEACTIVATION", "a-1",
                                        eur(4_000) + " is past due; the refund waits until a deposit pays it"))));
        assertThat(RefundPolicy.rejections(active(deactivated.state()))).extracting(Verdict.Rejected::rule)
                .containsExactly("NOTHING_PAST_DUE");
        // payouts reporting unsettled actions holds the refund too; settled again, only the past due is left.
        var unsettled = deactivated.andWhen(new FundingCommand.NotePayouts(false, CLEARING_AT))
                .then(new FundingAccountEvent.PayoutsStatusNoted(false));
        assertThat(RefundPolicy.rejections(active(unsettled.state()))).extracting(Verdict.Rejected::rule)
                .containsExactly("PAYOUTS_SETTLED", "NOTHING_PAST_DUE");
        unsettled.andWhen(new FundingCommand.NotePayouts(false, CLEARING_AT)).thenNothing();
    }

    @Test
    void the_fee_window_and_due_dates_are_days_in_the_account_zone() {
        // 2025-06-10T09:00Z is June 10th in Auckland (21:00) and Los Angeles (02:00); 2025-06-10T13:00Z is June 11th
        // in Auckland and still June 10th in Los Angeles.
        Instant at = Instant.parse("2025-06-10T13:00:00Z");
        LocalDate dueOn = LocalDate.of(2025, 7, 26); // 45 days after June 11th
        for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles")) {
            var opened = history(List.of(), new OpenAccount("brand-1", EUR, java.time.ZoneId.of(zone), NOW));
            var billed = account.given(history(opened, new BillCharge("f-1", eur(300), dueOn, "fee", NOW)))
                    .state();
            boolean inWindow = zone.equals("Pacific/Auckland");
            assertThat(active(billed).pendingFees(at)).as(zone).isEqualTo(eur(inWindow ? 300 : 0));
            // Due on its day at midnight in the zone, and reviewed when it enters the window there.
            java.time.ZoneId z = java.time.ZoneId.of(zone);
            assertThat(Payments.reviewTimes(List.of(new ChargeBilled("f-1", eur(300), dueOn, "fee")), z, NOW))
                    .as(zone).containsExactly(LocalDate.of(2025, 6, 11).atStartOfDay(z).toInstant(),
                            dueOn.atStartOfDay(z).toInstant());
        }
        account.given(history(List.of(), new OpenAccount("brand-1", EUR, java.time.ZoneId.of("Pacific/Auckland"), NOW)))
                .when(new OpenAccount("brand-1", EUR, java.time.ZoneId.of("America/Los_Angeles"), NOW))
                .thenRefused(DomainException.Conflict.class, "time zone Pacific/Auckland, not America/Los_Angeles");
    }

    /**
     * Issue 11: a cost that came before payouts' decision opened the account in its own currency; the
     * decision of another one is not parked nor dropped but a named blocker, until support resolves it.
     */
    @Test
    void a_locale_decided_after_a_cost_opened_the_account_otherwise_is_a_named_blocker_until_support_resolves_it() {
        var openedInUsd = history(List.of(), open("USD"));
        var paris = java.time.ZoneId.of("Europe/Paris");
        var adopt = new FundingCommand.AdoptLocale("brand-1", EUR, paris, NOW);
        var conflicted = account.given(openedInUsd).when(adopt).thenMatches(events -> {
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOfSatisfying(FundingAccountEvent.LocaleConflictNoted.class, e -> {
                assertThat(e.currency()).isEqualTo(EUR);
                assertThat(e.zone()).isEqualTo(paris);
                assertThat(e.reason()).contains("decided EUR / Europe/Paris").contains("opened in USD");
            });
            assertThat(events.get(1)).isInstanceOfSatisfying(FundingAccountEvent.FundingInsufficient.class,
                    e -> assertThat(e.blockers()).singleElement().satisfies(b -> {
                        assertThat(b.kind()).isEqualTo(FundingState.Blocker.LOCALE_CONFLICT);
                        assertThat(b.id()).isEqualTo("EUR");
                    }));
        }).state();
        assertThat(active(conflicted).sufficient(NOW)).isFalse();
        // The same decision again (a redelivery) changes nothing; a note is needed to resolve it.
        account.givenState(conflicted).when(adopt).thenNothing();
        account.givenState(conflicted).when(new FundingCommand.ResolveLocaleConflict("support-1", " ", NOW))
                .thenRefused(DomainException.BadRequest.class, "needs a note");
        var resolved = account.givenState(conflicted)
                .when(new FundingCommand.ResolveLocaleConflict("support-1", "costs converted by hand", NOW))
                .thenMatches(events -> assertThat(events).extracting(e -> (Class) e.getClass()).containsExactly(
                        FundingAccountEvent.LocaleConflictResolved.class, FundingAccountEvent.FundingSufficient.class))
                .state();
        assertThat(active(resolved).blockers()).isEmpty();
        account.givenState(resolved).when(new FundingCommand.ResolveLocaleConflict("support-1", "again", NOW))
                .thenRefused(DomainException.NotFound.class, "has no locale conflict");
        // Decided before any cost: the decision opens the account in it; in it already, nothing.
        account.given().when(adopt).thenMatches(events -> assertThat(events.getFirst())
                .isEqualTo(new FundingAccountEvent.AccountOpened("brand-1", EUR, paris)));
        account.given(history(List.of(), new OpenAccount("brand-1", EUR, paris, NOW))).when(adopt).thenNothing();
        // An account opened without a zone is in "Z"; payouts deciding "UTC" is that same zone: no conflict.
        account.given(opened()).when(new FundingCommand.AdoptLocale("brand-1", EUR, java.time.ZoneId.of("UTC"), NOW))
                .thenNothing();
        account.given(opened()).when(new OpenAccount("brand-1", EUR, java.time.ZoneId.of("Etc/UTC"), NOW)).thenNothing();
    }

    /** Zones compare through the kernel's {@code Zones.same}: spellings of one zone are one, other rules are not. */
    @Test
    void an_account_in_utc_is_in_etc_utc_and_z_but_paris_is_not_los_angeles() {
        var utc = history(List.of(), new OpenAccount("brand-1", EUR, java.time.ZoneId.of("UTC"), NOW));
        for (String spelling : List.of("Etc/UTC", "Z")) {
            var zone = java.time.ZoneId.of(spelling);
            account.given(utc).when(new OpenAccount("brand-1", EUR, zone, NOW)).thenNothing();
            account.given(utc).when(new FundingCommand.AdoptLocale("brand-1", EUR, zone, NOW)).thenNothing();
        }
        // The zone stays the one it was opened in.
        assertThat(active(account.given(utc).state()).zone()).isEqualTo(java.time.ZoneId.of("UTC"));
        var paris = history(List.of(), new OpenAccount("brand-1", EUR, java.time.ZoneId.of("Europe/Paris"), NOW));
        var la = java.time.ZoneId.of("America/Los_Angeles");
        account.given(paris).when(new OpenAccount("brand-1", EUR, la, NOW))
                .thenRefused(DomainException.Conflict.class, "time zone Europe/Paris, not America/Los_Angeles");
        account.given(paris).when(new FundingCommand.AdoptLocale("brand-1", EUR, la, NOW))
                .thenMatches(events -> assertThat(events.getFirst())
                        .isInstanceOf(FundingAccountEvent.LocaleConflictNoted.class));
    }

    @Test
    void reopening_in_another_currency_is_refused_and_the_same_currency_is_a_no_op() {
        account.given(opened()).when(open("EUR")).thenNothing();
        account.given(opened()).when(open("USD")).thenRefused(DomainException.Conflict.class, "not USD");
    }

    @Test
    void a_locked_cost_and_a_fee_set_the_times_the_account_is_reviewed_again() {
        var billed = new ChargeBilled("f-1", eur(300), LocalDate.of(2025, 8, 1), "fee");
        var locked = new CostLocked("a-1", eur(4_000), CLEARING_DATE, CLEARING_AT);
        assertThat(Payments.reviewTimes(List.of(locked, billed), java.time.ZoneOffset.UTC, NOW)).containsExactly(
                Instant.parse("2025-06-17T00:00:00Z"), CLEARING_AT, Instant.parse("2025-08-01T00:00:00Z"));
        // A fee already inside the 45-day window is reviewed only on its due date.
        assertThat(Payments.reviewTimes(List.of(billed), java.time.ZoneOffset.UTC, Instant.parse("2025-07-01T00:00:00Z")))
                .containsExactly(Instant.parse("2025-08-01T00:00:00Z"));
    }

    @AfterAll
    static void every_event_type_is_decided_by_some_test() {
        account.assertCovered(FundingAccountEvent.class);
    }
}
