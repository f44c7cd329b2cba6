package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The states of a funding account. */
public sealed interface FundingState {

    record Unopened() implements FundingState {
    }

    /** After the refund: the balance is zero and nothing changes any more. */
    record Closed(String accountId, Currency currency, String refundId, Money refunded) implements FundingState {
    }

    enum Sufficiency { NONE, SUFFICIENT, INSUFFICIENT }

    enum DepositStatus { PENDING, CLEARED }

    record Deposit(DepositMethod method, Money amount, DepositStatus status) {
    }

    /** An approved (or locked) partner cost not yet paid. */
    record Cost(Money amount, boolean locked, LocalDate clearingDate, Instant clearingAt) {
    }

    /** A fee not yet paid. */
    record Charge(Money amount, LocalDate dueOn) {
    }

    /**
     * An open account. Maps keep insertion order, so past-due amounts are settled oldest first.
     * {@code announced*} remember what the last summary said, to detect changes and crossings.
     */
    record Active(String accountId, Currency currency, Money balance, Map<String, Deposit> deposits,
                  Map<String, Cost> costs, Map<String, Charge> charges, Map<String, Money> pastDue,
                  LocalDate closureDate, String refundAuthorizationId, Sufficiency announced,
                  Money announcedPastDue, Money announcedPending) implements FundingState {

        /** Fees count towards Required Funding when due within this many days. */
        public static final int FEE_WINDOW_DAYS = 45;

        public Active {
            deposits = ordered(deposits);
            costs = ordered(costs);
            charges = ordered(charges);
            pastDue = ordered(pastDue);
        }

        private static <V> Map<String, V> ordered(Map<String, V> m) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }

        static Active opened(String accountId, Currency currency) {
            Money zero = Money.zero(currency);
            return new Active(accountId, currency, zero, Map.of(), Map.of(), Map.of(), Map.of(), null, null,
                    Sufficiency.NONE, zero, zero);
        }

        public Money zero() {
            return Money.zero(currency);
        }

        public Money pendingDeposits() {
            return deposits.values().stream().filter(d -> d.status() == DepositStatus.PENDING)
                    .map(Deposit::amount).reduce(zero(), Money::plus);
        }

        public Money pastDueTotal() {
            return pastDue.values().stream().reduce(zero(), Money::plus);
        }

        public Money pendingPartnerCosts() {
            return costs.values().stream().map(Cost::amount).reduce(zero(), Money::plus);
        }

        /** Fees due within {@value #FEE_WINDOW_DAYS} days of {@code now} (UTC dates). */
        public Money pendingFees(Instant now) {
            LocalDate horizon = today(now).plusDays(FEE_WINDOW_DAYS);
            return charges.values().stream().filter(c -> !c.dueOn().isAfter(horizon))
                    .map(Charge::amount).reduce(zero(), Money::plus);
        }

        public Money pendingPayments(Instant now) {
            return pendingPartnerCosts().plus(pendingFees(now));
        }

        public Money requiredFunding(Instant now) {
            return pastDueTotal().plus(pendingPayments(now));
        }

        public boolean sufficient(Instant now) {
            return pastDueTotal().isZero() && balance.isAtLeast(requiredFunding(now));
        }

        public static LocalDate today(Instant now) {
            return now.atZone(ZoneOffset.UTC).toLocalDate();
        }

        /** The state after {@code event} (every event but the refund keeps the account open). */
        FundingState after(FundingAccountEvent event) {
            return switch (event) {
                case FundingAccountEvent.AccountOpened e -> throw new IllegalStateException(
                        "AccountOpened on an open account " + accountId);
                case FundingAccountEvent.DepositReceived e -> {
                    Active s = withDeposits(m -> m.put(e.depositId(), new Deposit(e.method(), e.amount(),
                            e.pending() ? DepositStatus.PENDING : DepositStatus.CLEARED)));
                    yield e.pending() ? s : s.withBalance(s.balance.plus(e.amount()));
                }
                case FundingAccountEvent.DepositCleared e -> withDeposits(m -> m.computeIfPresent(e.depositId(),
                        (k, d) -> new Deposit(d.method(), d.amount(), DepositStatus.CLEARED)))
                        .withBalance(balance.plus(e.amount()));
                case FundingAccountEvent.DepositFailed e -> {
                    Deposit d = deposits.get(e.depositId());
                    Active s = withDeposits(m -> m.remove(e.depositId()));
                    if (d == null || d.status() == DepositStatus.PENDING) {
                        yield s;
                    }
                    // A returned ACH debit takes back what was credited; what the balance cannot give back is owed.
                    Money takenBack = s.balance.min(e.amount());
                    Money owed = e.amount().minus(takenBack);
                    s = s.withBalance(s.balance.minus(takenBack));
                    yield owed.isZero() ? s
                            : s.withPastDue(m -> m.put(Payments.returnPaymentId(e.depositId()), owed));
                }
                case FundingAccountEvent.ChargeBilled e -> withCharges(m -> m.put(e.chargeId(),
                        new Charge(e.amount(), e.dueOn())));
                case FundingAccountEvent.ChargePaid e -> withCharges(m -> m.remove(e.chargeId()))
                        .withBalance(balance.minus(e.amount()));
                case FundingAccountEvent.CostApproved e -> withCosts(m -> m.put(e.actionId(),
                        new Cost(e.amount(), false, e.clearingDate(), e.clearingAt())));
                case FundingAccountEvent.CostChanged e -> withCosts(m -> m.computeIfPresent(e.actionId(),
                        (k, c) -> new Cost(e.amount(), c.locked(), c.clearingDate(), c.clearingAt())));
                case FundingAccountEvent.CostWithdrawn e -> withCosts(m -> m.remove(e.actionId()));
                case FundingAccountEvent.CostLocked e -> withCosts(m -> m.put(e.actionId(),
                        new Cost(e.amount(), true, e.clearingDate(), e.clearingAt())));
                case FundingAccountEvent.CostPaid e -> withCosts(m -> m.remove(e.actionId()))
                        .withBalance(balance.minus(e.amount()));
                case FundingAccountEvent.PaymentOverdue e -> withCosts(m -> m.remove(e.paymentId()))
                        .withCharges(m -> m.remove(e.paymentId()))
                        .withPastDue(m -> m.put(e.paymentId(), e.amount()));
                case FundingAccountEvent.PastDuePaid e -> withPastDue(m -> m.remove(e.paymentId()))
                        .withBalance(balance.minus(e.amount()));
                case FundingAccountEvent.DeactivationRecorded e -> withClosureDate(e.closureDate());
                case FundingAccountEvent.RefundAuthorized e -> withRefundAuthorization(e.authorizationId());
                case FundingAccountEvent.RefundIssued e -> new Closed(accountId, currency, e.refundId(), e.amount());
                case FundingAccountEvent.RequiredFundingChanged e ->
                        withAnnouncedRequirement(e.pastDue(), e.pendingPayments());
                case FundingAccountEvent.FundingSufficient e -> withAnnounced(Sufficiency.SUFFICIENT);
                case FundingAccountEvent.FundingInsufficient e -> withAnnounced(Sufficiency.INSUFFICIENT);
            };
        }

        Active withBalance(Money newBalance) {
            return new Active(accountId, currency, newBalance, deposits, costs, charges, pastDue, closureDate,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withDeposits(Consumer<Map<String, Deposit>> change) {
            var m = new LinkedHashMap<>(deposits);
            change.accept(m);
            return new Active(accountId, currency, balance, m, costs, charges, pastDue, closureDate,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withCosts(Consumer<Map<String, Cost>> change) {
            var m = new LinkedHashMap<>(costs);
            change.accept(m);
            return new Active(accountId, currency, balance, deposits, m, charges, pastDue, closureDate,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withCharges(Consumer<Map<String, Charge>> change) {
            var m = new LinkedHashMap<>(charges);
            change.accept(m);
            return new Active(accountId, currency, balance, deposits, costs, m, pastDue, closureDate,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withPastDue(Consumer<Map<String, Money>> change) {
            var m = new LinkedHashMap<>(pastDue);
            change.accept(m);
            return new Active(accountId, currency, balance, deposits, costs, charges, m, closureDate,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withClosureDate(LocalDate date) {
            return new Active(accountId, currency, balance, deposits, costs, charges, pastDue, date,
                    refundAuthorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withRefundAuthorization(String authorizationId) {
            return new Active(accountId, currency, balance, deposits, costs, charges, pastDue, closureDate,
                    authorizationId, announced, announcedPastDue, announcedPending);
        }

        Active withAnnounced(Sufficiency s) {
            return new Active(accountId, currency, balance, deposits, costs, charges, pastDue, closureDate,
                    refundAuthorizationId, s, announcedPastDue, announcedPending);
        }

        Active withAnnouncedRequirement(Money pastDueAmount, Money pendingAmount) {
            return new Active(accountId, currency, balance, deposits, costs, charges, pastDue, closureDate,
                    refundAuthorizationId, announced, pastDueAmount, pendingAmount);
        }
    }
}
