package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.*;
import com.brandclosure.funding.domain.FundingCommand.*;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Closed;
import com.brandclosure.funding.domain.FundingState.Cost;
import com.brandclosure.funding.domain.FundingState.Deposit;
import com.brandclosure.funding.domain.FundingState.DepositStatus;
import com.brandclosure.funding.domain.FundingState.Unopened;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The funding account decider: each command's own events, then the {@link FundingSummary} as of
 * the command's {@code now}. The rules live in named policies ({@link Payments}, {@link RefundPolicy},
 * {@link AmountPolicy}, {@link FundingSummary}); this class says which applies to which command.
 */
public final class FundingAccount {

    public static final Decider<FundingCommand, FundingState, FundingAccountEvent> DECIDER =
            Decider.of(new Unopened(), FundingAccount::decide, FundingAccount::evolve);

    private FundingAccount() {
    }

    public static FundingState initial() {
        return DECIDER.initialState();
    }

    public static List<FundingAccountEvent> decide(FundingCommand command, FundingState state) {
        List<FundingAccountEvent> events = rule(command, state);
        return withSummary(events, DECIDER.fold(state, events), command.now());
    }

    /** A batch's outcome: the events of the commands the account took, with one summary, and the refusals. */
    public record Decision(List<FundingAccountEvent> events, List<Refusal> refused) {
        public Decision {
            events = List.copyOf(events);
            refused = List.copyOf(refused);
        }
    }

    public record Refusal(FundingCommand command, DomainException reason) {
    }

    /**
     * Decides each command once, on the state the accepted ones before it left; a refused command is
     * left out (and reported), the others stand. One summary at the end, as of the last command's
     * {@code now}, so a burst of 500 approvals announces one {@code RequiredFundingChanged}.
     */
    public static Decision decideEach(List<? extends FundingCommand> commands, FundingState state) {
        List<FundingAccountEvent> events = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        FundingState s = state;
        for (FundingCommand c : commands) {
            try {
                List<FundingAccountEvent> decided = rule(c, s);
                s = DECIDER.fold(s, decided);
                events.addAll(decided);
            } catch (DomainException e) {
                refused.add(new Refusal(c, e));
            }
        }
        return new Decision(commands.isEmpty() ? events : withSummary(events, s, commands.getLast().now()), refused);
    }

    private static List<FundingAccountEvent> withSummary(List<FundingAccountEvent> events, FundingState after,
                                                         java.time.Instant now) {
        if (!(after instanceof Active a)) {
            return events;
        }
        List<FundingAccountEvent> all = new ArrayList<>(events);
        all.addAll(FundingSummary.of(a, now));
        return all;
    }

    private static List<FundingAccountEvent> rule(FundingCommand command, FundingState state) {
        return switch (command) {
            case OpenAccount c -> switch (state) {
                case Unopened u -> List.of(new AccountOpened(c.accountId(), c.currency()));
                case Active a when a.currency().equals(c.currency()) -> List.of();
                case Active a -> throw new DomainException.Conflict("funding account " + a.accountId() + " is in "
                        + a.currency().getCurrencyCode() + ", not " + c.currency().getCurrencyCode());
                case Closed x -> throw new DomainException.Conflict("funding account " + x.accountId() + " is closed");
            };
            case ReceiveDeposit c -> receive(c, active(state));
            case ClearDeposit c -> {
                Deposit d = deposit(active(state), c.depositId());
                yield d.status() == DepositStatus.CLEARED ? List.of()
                        : then(active(state), new DepositCleared(c.depositId(), d.amount()), Payments::settlePastDue);
            }
            case FailDeposit c -> {
                Deposit d = deposit(active(state), c.depositId());
                if (!d.method().canFail()) {
                    throw new DomainException.RuleViolation("only ACH deposits can fail; " + c.depositId() + " is "
                            + d.method());
                }
                yield List.of(new DepositFailed(c.depositId(), d.amount(), c.reason()));
            }
            case BillCharge c -> {
                Active a = active(state);
                AmountPolicy.require(a, c.amount(), "charge");
                if (a.charges().containsKey(c.chargeId()) || a.pastDue().containsKey(c.chargeId())) {
                    throw new DomainException.Conflict("charge " + c.chargeId() + " was already billed");
                }
                yield then(a, new ChargeBilled(c.chargeId(), c.amount(), c.dueOn(), c.description()),
                        s -> Payments.payDue(s, c.now()));
            }
            case ApproveCost c -> {
                Cost existing = cost(active(state), c.actionId(), c.amount());
                yield existing != null && (existing.locked() || existing.amount().equals(c.amount())) ? List.of()
                        : List.of(new CostApproved(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()));
            }
            // A modification of a still pending action is no cost yet: nothing to follow.
            case ChangeCost c -> {
                Cost existing = cost(active(state), c.actionId(), c.amount());
                yield existing == null || existing.amount().equals(c.amount()) ? List.of()
                        : List.of(new CostChanged(c.actionId(), c.amount()));
            }
            case WithdrawCost c -> active(state).costs().containsKey(c.actionId())
                    ? List.of(new CostWithdrawn(c.actionId(), c.reason())) : List.of();
            case LockCost c -> {
                Active a = active(state);
                Cost existing = cost(a, c.actionId(), c.amount());
                yield existing != null && existing.locked() ? Payments.payDue(a, c.now())
                        : then(a, new CostLocked(c.actionId(), c.amount(), c.clearingDate(), c.clearingAt()),
                        s -> Payments.payDue(s, c.now()));
            }
            case PayCost c -> {
                Active a = active(state);
                Cost cost = a.costs().get(c.actionId());
                yield cost == null ? List.of()
                        : Payments.pay(List.of(new Payments.Payment(c.actionId(), cost.amount(), true)), a.balance());
            }
            case PayDue c -> Payments.payDue(active(state), c.now());
            case RecordDeactivation c -> state instanceof Unopened || active(state).closureDate() != null ? List.of()
                    : List.of(new DeactivationRecorded(c.closureDate()));
            case AuthorizeRefund c -> {
                Active a = active(state);
                RefundPolicy.firstRejection(a).ifPresent(r -> {
                    throw new DomainException.RuleViolation("refund refused: " + r.explained());
                });
                yield List.of(new RefundAuthorized(c.authorizationId(), c.authorizedBy()),
                        new RefundIssued(c.refundId(), a.balance()));
            }
        };
    }

    private static List<FundingAccountEvent> receive(ReceiveDeposit c, Active a) {
        AmountPolicy.require(a, c.amount(), "deposit");
        if (a.deposits().containsKey(c.depositId())) {
            throw new DomainException.Conflict("deposit " + c.depositId() + " was already received");
        }
        try {
            a.balance().plus(a.pendingDeposits()).plus(c.amount());
        } catch (ArithmeticException e) {
            throw new DomainException.BadRequest("deposit " + c.amount() + " would overflow the balance");
        }
        boolean pending = !c.method().creditedAtOnce();
        var received = new DepositReceived(c.depositId(), c.method(), c.amount(), pending);
        return pending ? List.of(received) : then(a, received, Payments::settlePastDue);
    }

    /** {@code first}, then what {@code next} decides on the state {@code first} leads to. */
    private static List<FundingAccountEvent> then(Active a, FundingAccountEvent first,
                                                  Function<Active, List<FundingAccountEvent>> next) {
        List<FundingAccountEvent> events = new ArrayList<>(List.of(first));
        // Every event but RefundIssued keeps an open account open.
        events.addAll(next.apply((Active) evolve(a, first)));
        return events;
    }

    private static Active active(FundingState state) {
        return switch (state) {
            case Active a -> a;
            case Unopened u -> throw new DomainException.NotFound("funding account not found");
            case Closed c -> throw new DomainException.Conflict("funding account " + c.accountId()
                    + " is closed: its balance was refunded");
        };
    }

    private static Deposit deposit(Active a, String depositId) {
        Deposit d = a.deposits().get(depositId);
        if (d == null) {
            throw new DomainException.NotFound("deposit " + depositId + " not found");
        }
        return d;
    }

    /** The action's cost on the account, if any, once {@code amount} passed the amount rules. */
    private static Cost cost(Active a, String actionId, Money amount) {
        AmountPolicy.require(a, amount, "cost");
        return a.costs().get(actionId);
    }

    public static FundingState evolve(FundingState state, FundingAccountEvent event) {
        return switch (state) {
            case Unopened u when event instanceof AccountOpened e -> Active.opened(e.accountId(), e.currency());
            case Active a -> a.after(event);
            case Unopened u -> throw corrupt(event, state);
            case Closed c -> throw corrupt(event, state);
        };
    }

    private static IllegalStateException corrupt(FundingAccountEvent event, FundingState state) {
        return new IllegalStateException(event.getClass().getSimpleName() + " on a "
                + state.getClass().getSimpleName() + " account");
    }
}
