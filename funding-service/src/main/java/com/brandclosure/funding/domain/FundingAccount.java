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
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Charge;
import com.brandclosure.funding.domain.FundingState.Closed;
import com.brandclosure.funding.domain.FundingState.Cost;
import com.brandclosure.funding.domain.FundingState.Deposit;
import com.brandclosure.funding.domain.FundingState.DepositStatus;
import com.brandclosure.funding.domain.FundingState.Sufficiency;
import com.brandclosure.funding.domain.FundingState.Unopened;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The funding account decider. {@link #decide} answers one command, {@link #decideAll} a batch
 * (consumed payouts events) with one summary at the end, so a burst of approvals yields one
 * {@code RequiredFundingChanged} rather than one per approval.
 */
public final class FundingAccount {

    /** Amounts above this (minor units) are taken for an input error. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;
    public static final int MAX_TEXT_LENGTH = 500;

    private FundingAccount() {
    }

    public static FundingState initial() {
        return new Unopened();
    }

    public static List<FundingEvent> decide(FundingCommand command, FundingState state, Instant now) {
        return decideAll(List.of(command), state, now);
    }

    /** Decides each command on the state the previous ones left, then the summary once. */
    public static List<FundingEvent> decideAll(List<? extends FundingCommand> commands, FundingState state,
                                               Instant now) {
        var decision = new Decision(state);
        for (FundingCommand c : commands) {
            decideOne(c, decision, now);
        }
        if (decision.state instanceof Active a) {
            summarize(a, now).forEach(decision::add);
        }
        return decision.events;
    }

    public static FundingState evolve(FundingState state, FundingEvent event) {
        if (event instanceof AccountOpened e) {
            return Active.opened(e.accountId(), e.currency());
        }
        if (!(state instanceof Active a)) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " on a " + state.getClass().getSimpleName()
                    + " account");
        }
        return switch (event) {
            case AccountOpened e -> throw new IllegalStateException("unreachable");
            case DepositReceived e -> {
                Active s = a.withDeposits(m -> m.put(e.depositId(), new Deposit(e.method(), e.amount(),
                        e.pending() ? DepositStatus.PENDING : DepositStatus.CLEARED)));
                yield e.pending() ? s : s.withBalance(s.balance().plus(e.amount()));
            }
            case DepositCleared e -> a.withDeposits(m -> m.computeIfPresent(e.depositId(),
                            (k, d) -> new Deposit(d.method(), d.amount(), DepositStatus.CLEARED)))
                    .withBalance(a.balance().plus(e.amount()));
            case DepositFailed e -> {
                Deposit d = a.deposits().get(e.depositId());
                Active s = a.withDeposits(m -> m.remove(e.depositId()));
                if (d == null || d.status() == DepositStatus.PENDING) {
                    yield s;
                }
                // A returned ACH debit takes back what was credited; what the balance cannot give back is owed.
                Money takenBack = s.balance().min(e.amount());
                Money owed = e.amount().minus(takenBack);
                s = s.withBalance(s.balance().minus(takenBack));
                yield owed.isZero() ? s : s.withPastDue(m -> m.put(returnPaymentId(e.depositId()), owed));
            }
            case ChargeBilled e -> a.withCharges(m -> m.put(e.chargeId(), new Charge(e.amount(), e.dueOn())));
            case ChargePaid e -> a.withCharges(m -> m.remove(e.chargeId())).withBalance(a.balance().minus(e.amount()));
            case CostApproved e -> a.withCosts(m -> m.put(e.actionId(),
                    new Cost(e.amount(), false, e.clearingDate(), e.clearingAt())));
            case CostChanged e -> a.withCosts(m -> m.computeIfPresent(e.actionId(),
                    (k, c) -> new Cost(e.amount(), c.locked(), c.clearingDate(), c.clearingAt())));
            case CostWithdrawn e -> a.withCosts(m -> m.remove(e.actionId()));
            case CostLocked e -> a.withCosts(m -> m.put(e.actionId(),
                    new Cost(e.amount(), true, e.clearingDate(), e.clearingAt())));
            case CostPaid e -> a.withCosts(m -> m.remove(e.actionId())).withBalance(a.balance().minus(e.amount()));
            case PaymentOverdue e -> a.withCosts(m -> m.remove(e.paymentId()))
                    .withCharges(m -> m.remove(e.paymentId()))
                    .withPastDue(m -> m.put(e.paymentId(), e.amount()));
            case PastDuePaid e -> a.withPastDue(m -> m.remove(e.paymentId()))
                    .withBalance(a.balance().minus(e.amount()));
            case DeactivationRecorded e -> a.withClosureDate(e.closureDate());
            case RefundAuthorized e -> a.withRefundAuthorization(e.authorizationId());
            case RefundIssued e -> new Closed(a.accountId(), a.currency(), e.refundId(), e.amount());
            case RequiredFundingChanged e -> a.withAnnouncedRequirement(e.pastDue(), e.pendingPayments());
            case FundingSufficient e -> a.withAnnounced(Sufficiency.SUFFICIENT);
            case FundingInsufficient e -> a.withAnnounced(Sufficiency.INSUFFICIENT);
        };
    }

    public static FundingState fold(List<? extends FundingEvent> events) {
        FundingState s = initial();
        for (FundingEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }

    /** The id under which a returned ACH deposit is owed. */
    public static String returnPaymentId(String depositId) {
        return "ach-return:" + depositId;
    }

    /** Collects events while keeping the state they lead to, so later steps decide on it. */
    private static final class Decision {
        FundingState state;
        final List<FundingEvent> events = new ArrayList<>();

        Decision(FundingState state) {
            this.state = state;
        }

        void add(FundingEvent e) {
            events.add(e);
            state = evolve(state, e);
        }

        Active active() {
            return switch (state) {
                case Active a -> a;
                case Unopened u -> throw new DomainException.NotFound("funding account not found");
                case Closed c -> throw new DomainException.Conflict("funding account " + c.accountId()
                        + " is closed: its balance was refunded");
            };
        }
    }

    private static void decideOne(FundingCommand command, Decision d, Instant now) {
        if (command instanceof OpenAccount c) {
            switch (d.state) {
                case Unopened u -> d.add(new AccountOpened(c.accountId(), c.currency()));
                case Active a when a.currency().equals(c.currency()) -> { }
                case Active a -> throw new DomainException.Conflict("funding account " + a.accountId()
                        + " is in " + a.currency().getCurrencyCode() + ", not " + c.currency().getCurrencyCode());
                case Closed c2 -> throw new DomainException.Conflict("funding account " + c2.accountId() + " is closed");
            }
            return;
        }
        Active a = d.active();
        switch (command) {
            case OpenAccount c -> throw new IllegalStateException("unreachable");
            case ReceiveDeposit c -> {
                requireAmount(a, c.amount(), "deposit");
                text(c.depositId(), "depositId");
                if (a.deposits().containsKey(c.depositId())) {
                    throw new DomainException.Conflict("deposit " + c.depositId() + " was already received");
                }
                try {
                    a.balance().plus(a.pendingDeposits()).plus(c.amount());
                } catch (ArithmeticException e) {
                    throw new DomainException.BadRequest("deposit " + c.amount() + " would overflow the balance");
                }
                boolean pending = !c.method().creditedAtOnce();
                d.add(new DepositReceived(c.depositId(), c.method(), c.amount(), pending));
                if (!pending) {
                    settlePastDue(d);
                }
            }
            case ClearDeposit c -> {
                Deposit dep = deposit(a, c.depositId());
                if (dep.status() == DepositStatus.CLEARED) {
                    return;
                }
                d.add(new DepositCleared(c.depositId(), dep.amount()));
                settlePastDue(d);
            }
            case FailDeposit c -> {
                Deposit dep = deposit(a, c.depositId());
                if (!dep.method().canFail()) {
                    throw new DomainException.RuleViolation("only ACH deposits can fail; " + c.depositId() + " is "
                            + dep.method());
                }
                d.add(new DepositFailed(c.depositId(), dep.amount(), text(c.reason(), "reason")));
            }
            case BillCharge c -> {
                requireAmount(a, c.amount(), "charge");
                text(c.chargeId(), "chargeId");
                if (c.dueOn() == null) {
                    throw new DomainException.BadRequest("dueOn is required");
                }
                if (a.charges().containsKey(c.chargeId()) || a.pastDue().containsKey(c.chargeId())) {
                    throw new DomainException.Conflict("charge " + c.chargeId() + " was already billed");
                }
                d.add(new ChargeBilled(c.chargeId(), c.amount(), c.dueOn(), text(c.description(), "description")));
                payDue(d, now);
            }
            case ApproveCost c -> {
                requireAmount(a, c.amount(), "cost");
                Cost existing = a.costs().get(c.actionId());
                if (existing != null && (existing.locked() || existing.amount().equals(c.amount()))) {
                    return;
                }
                d.add(new CostApproved(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()));
            }
            case ChangeCost c -> {
                requireAmount(a, c.amount(), "cost");
                Cost existing = a.costs().get(c.actionId());
                // A modification of a still pending action is no cost yet: nothing to follow.
                if (existing != null && !existing.amount().equals(c.amount())) {
                    d.add(new CostChanged(c.actionId(), c.amount()));
                }
            }
            case WithdrawCost c -> {
                if (a.costs().containsKey(c.actionId())) {
                    d.add(new CostWithdrawn(c.actionId(), c.reason()));
                }
            }
            case LockCost c -> {
                requireAmount(a, c.amount(), "cost");
                Cost existing = a.costs().get(c.actionId());
                if (existing == null || !existing.locked()) {
                    d.add(new CostLocked(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()));
                }
                payDue(d, now);
            }
            case PayCost c -> {
                Cost cost = a.costs().get(c.actionId());
                if (cost != null) {
                    pay(d, c.actionId(), cost.amount(), true);
                }
            }
            case PayDue c -> payDue(d, now);
            case RecordDeactivation c -> {
                if (a.closureDate() == null) {
                    d.add(new DeactivationRecorded(c.closureDate()));
                }
            }
            case AuthorizeRefund c -> authorizeRefund(c, d, a);
        }
    }

    private static void authorizeRefund(AuthorizeRefund c, Decision d, Active a) {
        text(c.authorizedBy(), "authorizedBy");
        if (a.closureDate() == null) {
            throw new DomainException.RuleViolation("refund refused: the account has not been deactivated");
        }
        if (!a.costs().isEmpty()) {
            long locked = a.costs().values().stream().filter(Cost::locked).count();
            throw new DomainException.RuleViolation("refund refused: " + a.costs().size()
                    + " partner cost(s) not cleared yet (" + locked + " locked)");
        }
        if (!a.pastDue().isEmpty()) {
            throw new DomainException.RuleViolation("refund refused: " + a.pastDueTotal() + " is past due");
        }
        if (!a.charges().isEmpty()) {
            throw new DomainException.RuleViolation("refund refused: " + a.charges().size() + " fee(s) not paid yet");
        }
        if (a.pendingDeposits().isPositive()) {
            throw new DomainException.RuleViolation("refund refused: deposits of " + a.pendingDeposits()
                    + " are still pending");
        }
        d.add(new RefundAuthorized(c.authorizationId(), c.authorizedBy()));
        d.add(new RefundIssued(c.refundId(), a.balance()));
    }

    /** Pays every locked cost whose clearing time has come and every fee due today or earlier. */
    private static void payDue(Decision d, Instant now) {
        Active a = d.active();
        List<Map.Entry<String, Cost>> dueCosts = a.costs().entrySet().stream()
                .filter(e -> e.getValue().locked() && !e.getValue().clearingAt().isAfter(now))
                .sorted(Comparator.comparing((Map.Entry<String, Cost> e) -> e.getValue().clearingAt())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (var e : dueCosts) {
            pay(d, e.getKey(), e.getValue().amount(), true);
        }
        LocalDate today = Active.today(now);
        List<Map.Entry<String, Charge>> dueCharges = a.charges().entrySet().stream()
                .filter(e -> !e.getValue().dueOn().isAfter(today))
                .sorted(Comparator.comparing((Map.Entry<String, Charge> e) -> e.getValue().dueOn())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (var e : dueCharges) {
            pay(d, e.getKey(), e.getValue().amount(), false);
        }
    }

    private static void pay(Decision d, String id, Money amount, boolean cost) {
        if (d.active().balance().isAtLeast(amount)) {
            d.add(cost ? new CostPaid(id, amount) : new ChargePaid(id, amount));
        } else {
            d.add(new PaymentOverdue(id, amount));
        }
    }

    /** New money pays what is overdue first, oldest first, each item whole. */
    private static void settlePastDue(Decision d) {
        for (var e : List.copyOf(d.active().pastDue().entrySet())) {
            if (d.active().balance().isAtLeast(e.getValue())) {
                d.add(new PastDuePaid(e.getKey(), e.getValue()));
            }
        }
    }

    /** RequiredFundingChanged when a part changed; the summary on a crossing (or the first time). */
    static List<FundingEvent> summarize(Active a, Instant now) {
        List<FundingEvent> events = new ArrayList<>();
        Money pastDue = a.pastDueTotal();
        Money pending = a.pendingPayments(now);
        Money required = pastDue.plus(pending);
        if (!pastDue.equals(a.announcedPastDue()) || !pending.equals(a.announcedPending())) {
            events.add(new RequiredFundingChanged(pastDue, pending, required, a.balance()));
        }
        boolean sufficient = pastDue.isZero() && a.balance().isAtLeast(required);
        Sufficiency now2 = sufficient ? Sufficiency.SUFFICIENT : Sufficiency.INSUFFICIENT;
        if (a.announced() != now2) {
            events.add(sufficient ? new FundingSufficient(a.balance(), required, now)
                    : new FundingInsufficient(a.balance(), required, pastDue, now));
        }
        return events;
    }

    private static Deposit deposit(Active a, String depositId) {
        Deposit dep = a.deposits().get(depositId);
        if (dep == null) {
            throw new DomainException.NotFound("deposit " + depositId + " not found");
        }
        return dep;
    }

    private static void requireAmount(Active a, Money amount, String what) {
        if (amount == null) {
            throw new DomainException.BadRequest(what + " amount is required");
        }
        if (!amount.currency().equals(a.currency())) {
            throw new DomainException.BadRequest(what + " currency " + amount.currency().getCurrencyCode()
                    + " is not the account currency " + a.currency().getCurrencyCode());
        }
        if (!amount.isPositive()) {
            throw new DomainException.BadRequest(what + " amount must be positive, was " + amount);
        }
        if (amount.minor() > MAX_AMOUNT_MINOR) {
            throw new DomainException.BadRequest(what + " amount " + amount + " exceeds the limit of "
                    + MAX_AMOUNT_MINOR + " minor units");
        }
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new DomainException.BadRequest(name + " is required");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new DomainException.BadRequest(name + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }
}
