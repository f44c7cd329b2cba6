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
import com.brandclosure.payouts.domain.ActionState.Approved;
import com.brandclosure.payouts.domain.ActionState.Cleared;
import com.brandclosure.payouts.domain.ActionState.Locked;
import com.brandclosure.payouts.domain.ActionState.NotTracked;
import com.brandclosure.payouts.domain.ActionState.Pending;
import com.brandclosure.payouts.domain.ActionState.Rejected;
import com.brandclosure.payouts.domain.ActionState.Reversed;
import com.brandclosure.payouts.domain.ActionState.Tracked;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;

import java.util.List;

/**
 * The action decider. An empty decision means "already so, nothing to do" (a repeated approval,
 * a timer firing twice); a refusal throws a {@link DomainException}, which changes nothing.
 */
public final class Action {

    /** Amounts above this (in minor units) are taken for a tracking error, not a real conversion. */
    public static final long MAX_COST_MINOR = 1_000_000_000L;
    public static final int MAX_REASON_LENGTH = 500;

    /** The decider the command runner loads action streams with. */
    public static final Decider<ActionCommand, ActionState, ActionEvent> DECIDER =
            Decider.of(initial(), Action::decide, Action::evolve);

    private Action() {
    }

    /** The stream of one action: its events are the source of truth, the {@code actions} table a read model. */
    public static String streamId(String accountId, String actionId) {
        return "action:" + accountId + ":" + actionId;
    }

    public static ActionState initial() {
        return new NotTracked();
    }

    public static List<ActionEvent> decide(ActionCommand command, ActionState state) {
        return switch (command) {
            case TrackAction c -> track(c, state);
            case ApproveAction c -> approve(state);
            case ReverseAction c -> reverse(c, state);
            case RestoreAction c -> restore(c, state);
            case ModifyAction c -> modify(c, state);
            case LockAction c -> lock(c, state);
            case ClearAction c -> clear(c, state);
            case RejectForClosure c -> rejectForClosure(c, state);
            case ReevaluateTerms c -> reevaluate(c, state);
        };
    }

    public static ActionState evolve(ActionState state, ActionEvent event) {
        return switch (event) {
            case ActionTracked e -> new Pending(e.details());
            case ActionApproved e -> new Approved(details(state));
            case ActionReversed e -> new Reversed(details(state), e.reason());
            case ActionRestored e -> new Pending(details(state));
            case ActionModified e -> switch (state) {
                case Approved a -> new Approved(a.details().withCost(e.newCost()));
                case Pending p -> new Pending(p.details().withCost(e.newCost()));
                default -> throw new IllegalStateException("ActionModified in state " + state.name());
            };
            case ActionLocked e -> new Locked(details(state));
            case ActionCleared e -> new Cleared(details(state), e.clearedOn());
            case ActionRejected e -> new Rejected(details(state), e.reason());
            case ActionReevaluated e -> new Pending(details(state));
        };
    }

    /** The cost is positive, not absurd, and in the account's currency. */
    public static void validateCost(Money cost, LockingSettings settings) {
        if (!cost.isPositive()) {
            throw new DomainException.BadRequest("cost must be positive, was " + cost);
        }
        if (cost.minor() > MAX_COST_MINOR) {
            throw new DomainException.BadRequest("cost " + cost + " exceeds the limit of " + MAX_COST_MINOR
                    + " minor units");
        }
        if (!cost.currency().equals(settings.currency())) {
            throw new DomainException.BadRequest("cost currency " + cost.currency().getCurrencyCode()
                    + " is not the account currency " + settings.currency().getCurrencyCode());
        }
    }

    private static List<ActionEvent> track(TrackAction c, ActionState state) {
        if (!(state instanceof NotTracked)) {
            // The action id is the idempotency key of the ingest: a re-sent conversion is a duplicate.
            return List.of();
        }
        validateCost(c.cost(), c.settings());
        if (c.reportedAt().isBefore(c.eventAt())) {
            throw new DomainException.BadRequest("eventAt " + c.eventAt() + " is after reportedAt " + c.reportedAt());
        }
        var t = LockSchedule.timing(c.eventAt(), c.reportedAt(), c.settings());
        var details = new ActionDetails(c.accountId(), c.actionId(), c.partnerId(), c.contractId(), c.eventAt(),
                c.reportedAt(), t.eventDate(), t.lateReported(), c.cost(), t.lockDate(), t.clearingDate(), t.lockAt(),
                t.clearingAt());
        var tracked = new ActionTracked(c.actionId(), details);
        if (c.closureDate().isPresent() && !t.eventDate().isBefore(c.closureDate().get())) {
            return List.of(tracked, new ActionRejected(c.actionId(), RejectionReason.ACCOUNT_CLOSED));
        }
        // Terms are judged at the moment the conversion happened, even for a late report: that is
        // when the partner worked under (or without) a contract.
        boolean withinTerms = c.contracts().stream()
                .anyMatch(p -> p.covers(c.partnerId(), c.contractId(), c.eventAt()));
        if (!withinTerms) {
            return List.of(tracked, new ActionRejected(c.actionId(), RejectionReason.OUTSIDE_OF_TERMS));
        }
        return List.of(tracked);
    }

    private static List<ActionEvent> approve(ActionState state) {
        return switch (state) {
            case Pending p -> List.of(new ActionApproved(p.details().actionId()));
            case Approved a -> List.of();
            default -> throw refused("approve", state);
        };
    }

    private static List<ActionEvent> reverse(ReverseAction c, ActionState state) {
        String reason = reason(c.reason());
        return switch (state) {
            case Pending p -> List.of(new ActionReversed(p.details().actionId(), reason));
            case Approved a -> List.of(new ActionReversed(a.details().actionId(), reason));
            case Reversed r -> List.of();
            default -> throw refused("reverse", state);
        };
    }

    private static List<ActionEvent> restore(RestoreAction c, ActionState state) {
        return switch (state) {
            case Pending p -> List.of();
            case Reversed r -> {
                var d = r.details();
                if (c.closureDate().isPresent()) {
                    throw new DomainException.Conflict("cannot restore action " + d.actionId()
                            + ": the account was deactivated (closure date " + c.closureDate().get() + ")");
                }
                // Restoring would reopen a cost while support reviews a closure that counts it settled.
                if (c.closureRequestedAt().isPresent()) {
                    throw new DomainException.Conflict("cannot restore action " + d.actionId()
                            + ": the account is closing (closure requested at " + c.closureRequestedAt().get()
                            + "; a cancelled closure lifts this)");
                }
                // A reversed action does not lock, but its lock date still ends the time it may change.
                if (!c.asOf().isBefore(d.lockAt())) {
                    throw new DomainException.Conflict("cannot restore action " + d.actionId() + ": its lock date "
                            + d.lockDate() + " has passed (locked since " + d.lockAt() + ")");
                }
                yield List.of(new ActionRestored(d.actionId()));
            }
            default -> throw refused("restore", state);
        };
    }

    private static List<ActionEvent> reevaluate(ReevaluateTerms c, ActionState state) {
        if (!(state instanceof Rejected r) || r.reason() != RejectionReason.OUTSIDE_OF_TERMS
                || c.closureDate().isPresent() || !c.asOf().isBefore(r.details().lockAt())) {
            // Only a terms rejection is judged again, and only while the action could still change.
            return List.of();
        }
        var d = r.details();
        return c.contracts().stream()
                .filter(p -> p.covers(d.partnerId(), d.contractId(), d.eventAt()))
                .findFirst()
                .<List<ActionEvent>>map(p -> List.of(new ActionReevaluated(d.actionId(), p.contractId())))
                .orElse(List.of());
    }

    private static List<ActionEvent> modify(ModifyAction c, ActionState state) {
        String reason = reason(c.reason());
        ActionDetails d = switch (state) {
            case Pending p -> p.details();
            case Approved a -> a.details();
            default -> throw refused("modify", state);
        };
        if (!c.newCost().currency().equals(d.cost().currency())) {
            throw new DomainException.BadRequest("new cost currency " + c.newCost().currency().getCurrencyCode()
                    + " is not the action's currency " + d.cost().currency().getCurrencyCode());
        }
        if (!c.newCost().isPositive() || c.newCost().minor() > MAX_COST_MINOR) {
            throw new DomainException.BadRequest("new cost must be positive and at most " + MAX_COST_MINOR
                    + " minor units, was " + c.newCost());
        }
        if (c.newCost().equals(d.cost())) {
            return List.of();
        }
        return List.of(new ActionModified(d.actionId(), d.cost(), c.newCost(), reason));
    }

    private static List<ActionEvent> lock(LockAction c, ActionState state) {
        if (state instanceof Approved a && !a.details().lockDate().isAfter(c.asOf())) {
            return List.of(new ActionLocked(a.details().actionId(), a.details().lockDate()));
        }
        return List.of();
    }

    private static List<ActionEvent> clear(ClearAction c, ActionState state) {
        if (state instanceof Locked l && !l.details().clearingDate().isAfter(c.asOf())) {
            return List.of(new ActionCleared(l.details().actionId(), l.details().clearingDate()));
        }
        return List.of();
    }

    private static List<ActionEvent> rejectForClosure(RejectForClosure c, ActionState state) {
        return switch (state) {
            case Pending p when onOrAfter(p, c) -> List.of(closed(p));
            case Approved a when onOrAfter(a, c) -> List.of(closed(a));
            case Reversed r when onOrAfter(r, c) -> List.of(closed(r));
            // Locked and cleared actions never change; the others are before the closure date.
            default -> List.of();
        };
    }

    private static boolean onOrAfter(Tracked t, RejectForClosure c) {
        return !t.details().eventDate().isBefore(c.closureDate());
    }

    private static ActionEvent closed(Tracked t) {
        return new ActionRejected(t.details().actionId(), RejectionReason.ACCOUNT_CLOSED);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException.BadRequest("a reason is required");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new DomainException.BadRequest("reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }

    private static ActionDetails details(ActionState state) {
        if (state instanceof Tracked t) {
            return t.details();
        }
        throw new IllegalStateException("event for an action that was never tracked");
    }

    private static DomainException refused(String what, ActionState state) {
        String id = state instanceof Tracked t ? t.details().actionId() : "?";
        if (state instanceof NotTracked) {
            return new DomainException.NotFound("action not found");
        }
        return new DomainException.Conflict("cannot " + what + " action " + id + ": it is " + state.name());
    }
}
