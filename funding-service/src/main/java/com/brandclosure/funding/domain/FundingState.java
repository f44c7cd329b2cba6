package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The states of a funding account. */
public sealed interface FundingState {

    /**
     * No account yet. {@code closureDate}: closure-orchestrator deactivated the brand before any cost
     * opened the account, so an account a late cost opens knows its closure date (null: not deactivated).
     */
    record Unopened(LocalDate closureDate) implements FundingState {
        public Unopened() {
            this(null);
        }
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

    /**
     * A partner cost payouts-service announced that the account cannot book ({@code rule} of
     * {@link AmountPolicy} refused it, {@code reason} says why): never dropped, it keeps the account
     * insufficient until support resolves it.
     */
    record BlockedCost(Money amount, boolean locked, LocalDate clearingDate, Instant clearingAt, String rule,
                       String reason) {
    }

    /**
     * Why the account is insufficient beyond the amounts, machine-readable: {@code kind} (one of
     * {@link #COST_NOT_BOOKABLE}, {@link #PAST_DUE_AFTER_DEACTIVATION}, {@link #LOCALE_CONFLICT}), the action
     * or payment {@code id} (for a locale conflict, the currency payouts decided), and why.
     */
    record Blocker(String kind, String id, String reason) {
        public static final String COST_NOT_BOOKABLE = "COST_NOT_BOOKABLE";
        public static final String PAST_DUE_AFTER_DEACTIVATION = "PAST_DUE_AFTER_DEACTIVATION";
        public static final String LOCALE_CONFLICT = "LOCALE_CONFLICT";
    }

    /** The currency and zone payouts decided for an account opened otherwise before (see {@link Active#localeConflict}). */
    record LocaleConflict(Currency currency, ZoneId zone, String reason) {
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
                  Money announcedPastDue, Money announcedPending, ZoneId zone, Map<String, BlockedCost> blocked,
                  List<Blocker> announcedBlockers, Boolean payoutsSettled, LocaleConflict localeConflict)
            implements FundingState {

        /** Fees count towards Required Funding when due within this many days. */
        public static final int FEE_WINDOW_DAYS = 45;

        public Active {
            deposits = ordered(deposits);
            costs = ordered(costs);
            charges = ordered(charges);
            pastDue = ordered(pastDue);
            // Snapshots and streams from before these components existed: UTC, nothing blocked, payouts unheard.
            zone = zone == null ? ZoneOffset.UTC : zone;
            blocked = ordered(blocked == null ? Map.of() : blocked);
            announcedBlockers = announcedBlockers == null ? List.of() : List.copyOf(announcedBlockers);
        }

        private static <V> Map<String, V> ordered(Map<String, V> m) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }

        static Active opened(String accountId, Currency currency, ZoneId zone, LocalDate closureDate) {
            Money zero = Money.zero(currency);
            return new Active(accountId, currency, zero, Map.of(), Map.of(), Map.of(), Map.of(), closureDate, null,
                    Sufficiency.NONE, zero, zero, zone, Map.of(), List.of(), null, null);
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

        /** Fees due within {@value #FEE_WINDOW_DAYS} days of {@code now} (dates in the account's zone). */
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

        /** Nothing past due, nothing blocked, no locale conflict, and the balance covers Required Funding. */
        public boolean sufficient(Instant now) {
            return pastDueTotal().isZero() && blocked.isEmpty() && localeConflict == null
                    && balance.isAtLeast(requiredFunding(now));
        }

        /** The day {@code now} falls on in the account's zone: fee due dates are days there. */
        public LocalDate today(Instant now) {
            return now.atZone(zone).toLocalDate();
        }

        /** The start of {@code day} in the account's zone. */
        public Instant startOf(LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }

        /**
         * What keeps the account insufficient besides the amounts: each blocked cost, and after deactivation
         * each past-due payment (the refund waits for it to be paid).
         */
        public List<Blocker> blockers() {
            List<Blocker> all = new ArrayList<>();
            if (localeConflict != null) {
                all.add(new Blocker(Blocker.LOCALE_CONFLICT, localeConflict.currency().getCurrencyCode(),
                        localeConflict.reason()));
            }
            blocked.forEach((id, b) -> all.add(new Blocker(Blocker.COST_NOT_BOOKABLE, id,
                    b.reason() + " (rule " + b.rule() + ")")));
            if (closureDate != null) {
                pastDue.forEach((id, m) -> all.add(new Blocker(Blocker.PAST_DUE_AFTER_DEACTIVATION, id,
                        m + " is past due; the refund waits until a deposit pays it")));
            }
            return List.copyOf(all);
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
                case FundingAccountEvent.CostWithdrawn e -> withCosts(m -> m.remove(e.actionId()))
                        .withBlocked(m -> m.remove(e.actionId()));
                case FundingAccountEvent.CostBlocked e -> withBlocked(m -> m.put(e.actionId(), new BlockedCost(
                        e.amount(), e.locked(), e.clearingDate(), e.clearingAt(), e.rule(), e.reason())));
                case FundingAccountEvent.BlockedCostResolved e -> withBlocked(m -> m.remove(e.actionId()));
                case FundingAccountEvent.PayoutsStatusNoted e -> with(b -> b.payoutsSettled = e.settled());
                case FundingAccountEvent.LocaleConflictNoted e -> with(b -> b.localeConflict =
                        new LocaleConflict(e.currency(), e.zone(), e.reason()));
                case FundingAccountEvent.LocaleConflictResolved e -> with(b -> b.localeConflict = null);
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
                case FundingAccountEvent.FundingSufficient e -> with(b -> {
                    b.announced = Sufficiency.SUFFICIENT;
                    b.announcedBlockers = List.of();
                });
                case FundingAccountEvent.FundingInsufficient e -> with(b -> {
                    b.announced = Sufficiency.INSUFFICIENT;
                    b.announcedBlockers = e.blockers();
                });
            };
        }

        Active withBalance(Money newBalance) {
            return with(b -> b.balance = newBalance);
        }

        Active withDeposits(Consumer<Map<String, Deposit>> change) {
            return with(b -> change.accept(b.deposits));
        }

        Active withCosts(Consumer<Map<String, Cost>> change) {
            return with(b -> change.accept(b.costs));
        }

        Active withCharges(Consumer<Map<String, Charge>> change) {
            return with(b -> change.accept(b.charges));
        }

        Active withPastDue(Consumer<Map<String, Money>> change) {
            return with(b -> change.accept(b.pastDue));
        }

        Active withBlocked(Consumer<Map<String, BlockedCost>> change) {
            return with(b -> change.accept(b.blocked));
        }

        Active withClosureDate(LocalDate date) {
            return with(b -> b.closureDate = date);
        }

        Active withRefundAuthorization(String authorizationId) {
            return with(b -> b.refundAuthorizationId = authorizationId);
        }

        Active withAnnouncedRequirement(Money pastDueAmount, Money pendingAmount) {
            return with(b -> {
                b.announcedPastDue = pastDueAmount;
                b.announcedPending = pendingAmount;
            });
        }

        /** A copy with what {@code change} sets on a mutable copy of every component. */
        private Active with(Consumer<Copy> change) {
            Copy b = new Copy(this);
            change.accept(b);
            return new Active(accountId, currency, b.balance, b.deposits, b.costs, b.charges, b.pastDue,
                    b.closureDate, b.refundAuthorizationId, b.announced, b.announcedPastDue, b.announcedPending,
                    zone, b.blocked, b.announcedBlockers, b.payoutsSettled, b.localeConflict);
        }

        /** The changeable components of an {@link Active}, for {@link #with}. */
        private static final class Copy {
            Money balance;
            final Map<String, Deposit> deposits;
            final Map<String, Cost> costs;
            final Map<String, Charge> charges;
            final Map<String, Money> pastDue;
            final Map<String, BlockedCost> blocked;
            LocalDate closureDate;
            String refundAuthorizationId;
            Sufficiency announced;
            Money announcedPastDue;
            Money announcedPending;
            List<Blocker> announcedBlockers;
            Boolean payoutsSettled;
            LocaleConflict localeConflict;

            Copy(Active a) {
                balance = a.balance;
                deposits = new LinkedHashMap<>(a.deposits);
                costs = new LinkedHashMap<>(a.costs);
                charges = new LinkedHashMap<>(a.charges);
                pastDue = new LinkedHashMap<>(a.pastDue);
                blocked = new LinkedHashMap<>(a.blocked);
                closureDate = a.closureDate;
                refundAuthorizationId = a.refundAuthorizationId;
                announced = a.announced;
                announcedPastDue = a.announcedPastDue;
                announcedPending = a.announcedPending;
                announcedBlockers = a.announcedBlockers;
                payoutsSettled = a.payoutsSettled;
                localeConflict = a.localeConflict;
            }
        }
    }
}
