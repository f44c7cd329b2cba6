package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.*;
import com.brandclosure.funding.domain.FundingCommand.*;
import com.brandclosure.funding.domain.FundingState.Active;
import com.brandclosure.funding.domain.FundingState.Closed;
import com.brandclosure.funding.domain.FundingState.Unopened;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Zones;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The funding account decider: each command's own events, then the {@link FundingSummary} as of
 * the command's {@code now}. The rules live in named policies ({@link Deposits}, {@link PartnerCosts},
 * {@link Payments}, {@link RefundPolicy}, {@link AmountPolicy}, {@link FundingSummary}); this class
 * says which applies to which command.
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
                                                         Instant now) {
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
                case Unopened u -> List.of(new AccountOpened(c.accountId(), c.currency(), c.zone()));
                case Active a when !a.currency().equals(c.currency()) -> throw new DomainException.Conflict(
                        "funding account " + a.accountId() + " is in " + a.currency().getCurrencyCode() + ", not "
                                + c.currency().getCurrencyCode());
                case Active a when c.zone() != null && !Zones.same(a.zone(), c.zone()) -> throw new DomainException.Conflict(
                        "funding account " + a.accountId() + " is in time zone " + a.zone().getId() + ", not "
                                + c.zone().getId());
                case Active a -> List.of();
                case Closed x -> throw new DomainException.Conflict("funding account " + x.accountId() + " is closed");
            };
            case FundingCommand.AdoptLocale c -> adoptLocale(c, state);
            case ReceiveDeposit c -> Deposits.receive(c, active(state));
            case ClearDeposit c -> Deposits.clear(c, active(state));
            case FailDeposit c -> Deposits.fail(c, active(state));
            case BillCharge c -> {
                Active a = active(state);
                AmountPolicy.require(a, c.amount(), "charge");
                if (a.charges().containsKey(c.chargeId()) || a.pastDue().containsKey(c.chargeId())) {
                    throw new DomainException.Conflict("charge " + c.chargeId() + " was already billed");
                }
                yield then(a, new ChargeBilled(c.chargeId(), c.amount(), c.dueOn(), c.description()),
                        s -> Payments.payDue(s, c.now()));
            }
            case ApproveCost c -> PartnerCosts.approve(c, active(state));
            case ChangeCost c -> PartnerCosts.change(c, active(state));
            case WithdrawCost c -> PartnerCosts.withdraw(c, active(state));
            case LockCost c -> PartnerCosts.lock(c, active(state));
            case PayCost c -> PartnerCosts.pay(c, active(state));
            case PayDue c -> Payments.payDue(active(state), c.now());
            // Recorded before the account opens too: an account a late cost opens then knows its closure date.
            case RecordDeactivation c -> (state instanceof Unopened u ? u.closureDate() : active(state).closureDate())
                    != null ? List.of() : List.of(new DeactivationRecorded(c.closureDate()));
            // Only an open account has a refund to hold back.
            case NotePayouts c -> !(state instanceof Active a) || Boolean.valueOf(c.settled()).equals(a.payoutsSettled())
                    ? List.of() : List.of(new PayoutsStatusNoted(c.settled()));
            case ResolveBlockedCost c -> PartnerCosts.resolve(c, active(state));
            case FundingCommand.ResolveLocaleConflict c -> {
                Active a = active(state);
                if (a.localeConflict() == null) {
                    throw new DomainException.NotFound("funding account " + a.accountId() + " has no locale conflict");
                }
                if (c.note() == null || c.note().isBlank()) {
                    throw new DomainException.BadRequest("resolving a locale conflict needs a note saying why");
                }
                yield List.of(new FundingAccountEvent.LocaleConflictResolved(c.resolvedBy(), c.note()));
            }
            case ReportState c -> List.of(FundingSummary.report(state, c.reportFor(), c.now()));
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

    /**
     * payouts' decision opens a new account in it; one opened otherwise (a cost came first, in its own
     * currency) is not parked nor silently kept: the conflict is noted once as a blocker, and the
     * account stays insufficient until support resolves it. A closed account has nothing to adopt.
     */
    private static List<FundingAccountEvent> adoptLocale(FundingCommand.AdoptLocale c, FundingState state) {
        return switch (state) {
            case Unopened u -> List.of(new AccountOpened(c.accountId(), c.currency(), c.zone()));
            // Zones compare by their rules: "UTC" decided is the "Z" an account opened without a zone has.
            case Active a when a.currency().equals(c.currency()) && Zones.same(a.zone(), c.zone()) -> List.of();
            case Active a when a.localeConflict() != null -> List.of();
            case Active a -> List.of(new FundingAccountEvent.LocaleConflictNoted(c.currency(), c.zone(),
                    "payouts-service decided " + c.currency().getCurrencyCode() + " / " + c.zone().getId()
                            + ", but the funding account was opened in " + a.currency().getCurrencyCode() + " / "
                            + a.zone().getId() + " before (by a cost that came first)"));
            case Closed x -> List.of();
        };
    }

        /** {@code first}, then what {@code next} decides on the state {@code first} leads to. */
    static List<FundingAccountEvent> then(Active a, FundingAccountEvent first,
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

    public static FundingState evolve(FundingState state, FundingAccountEvent event) {
        return switch (state) {
            case Unopened u when event instanceof AccountOpened e -> Active.opened(e.accountId(), e.currency(),
                    e.zone(), u.closureDate());
            case Unopened u when event instanceof DeactivationRecorded e -> new Unopened(e.closureDate());
            case Active a -> a.after(event);
            // A state report of an account without funding account leaves it as it is.
            case Unopened u when event instanceof FundingSufficient -> u;
            case Closed c when event instanceof FundingSufficient -> c;
            case Unopened u -> throw corrupt(event, state);
            case Closed c -> throw corrupt(event, state);
        };
    }

    private static IllegalStateException corrupt(FundingAccountEvent event, FundingState state) {
        return new IllegalStateException(event.getClass().getSimpleName() + " on a "
                + state.getClass().getSimpleName() + " account");
    }
}
