package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.ContractCommand.CreateContract;
import com.brandclosure.contracts.domain.ContractCommand.ExpireContract;
import com.brandclosure.contracts.domain.ContractCommand.ExpireOnDeactivation;
import com.brandclosure.contracts.domain.ContractCommand.FireScheduledExpiry;
import com.brandclosure.contracts.domain.ContractCommand.ProposeSwitch;
import com.brandclosure.contracts.domain.ContractCommand.ScheduleSwitch;
import com.brandclosure.contracts.domain.ContractCommand.WithdrawSwitch;
import com.brandclosure.contracts.domain.ContractEvent.ContractCreated;
import com.brandclosure.contracts.domain.ContractEvent.ContractExpired;
import com.brandclosure.contracts.domain.ContractEvent.ContractExpiryScheduled;
import com.brandclosure.contracts.domain.ContractEvent.SwitchProposed;
import com.brandclosure.contracts.domain.ContractEvent.SwitchScheduled;
import com.brandclosure.contracts.domain.ContractEvent.SwitchWithdrawn;
import com.brandclosure.contracts.domain.ContractState.Active;
import com.brandclosure.contracts.domain.ContractState.Expired;
import com.brandclosure.contracts.domain.ContractState.NotCreated;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * The PartnerContract decider. Account-wide fences (deactivation) are checked by
 * {@link ContractAccount} before a command reaches a contract; this decider owns the rules of
 * one contract.
 */
public final class PartnerContract {

    /** The comment partners get when the platform, not the brand, expired their contract. */
    public static final String DEACTIVATION_COMMENT = "The brand's account was deactivated.";

    public static final Decider<ContractCommand, ContractState, ContractEvent> DECIDER =
            Decider.of(ContractState.INITIAL, PartnerContract::decide, PartnerContract::evolve);

    private PartnerContract() {
    }

    /**
     * The contract, if it exists in {@code accountId}. Another account's contract is answered
     * exactly like a missing one (not found), so ids of other tenants reveal nothing.
     */
    public static ContractState requireIn(String accountId, String contractId, ContractState state) {
        boolean owned = switch (state) {
            case Active a -> a.accountId().equals(accountId);
            case Expired x -> x.accountId().equals(accountId);
            case NotCreated n -> false;
        };
        if (!owned) {
            throw new DomainException.NotFound("contract " + contractId + " not found in account " + accountId);
        }
        return state;
    }

    public static List<ContractEvent> decide(ContractCommand command, ContractState state) {
        return switch (command) {
            case CreateContract c -> {
                if (!(state instanceof NotCreated)) {
                    throw new DomainException.Conflict("contract " + c.contractId() + " already exists");
                }
                yield List.of(new ContractCreated(c.contractId(), c.accountId(), c.partnerId(), c.landingUrl(), c.at()));
            }
            case ProposeSwitch c -> {
                Active active = requireActive(state, "propose a switch");
                requireNewSwitchId(active, c.switchId());
                yield List.of(new SwitchProposed(c.switchId(), c.terms(), c.at()));
            }
            case ScheduleSwitch c -> {
                Active active = requireActive(state, "schedule a switch");
                requireNewSwitchId(active, c.switchId());
                if (!c.effectiveAt().isAfter(c.at())) {
                    throw new InvalidInput("effectiveOn", "a switch can only be scheduled for a future date");
                }
                if (active.expiresAt() != null && !c.effectiveAt().isBefore(active.expiresAt())) {
                    throw new DomainException.RuleViolation("contract " + active.contractId() + " expires at "
                            + active.expiresAt() + ": a switch must take effect before that");
                }
                yield List.of(new SwitchScheduled(c.switchId(), c.terms(), c.effectiveAt(), c.at()));
            }
            case WithdrawSwitch c -> {
                requireCreated(state);
                if (state.pendingSwitch(c.switchId()).isEmpty()) {
                    throw new DomainException.NotFound("contract has no pending switch or proposal " + c.switchId());
                }
                yield List.of(new SwitchWithdrawn(c.switchId(), c.at()));
            }
            case ExpireContract c -> {
                requireCreated(state);
                List<ContractEvent> events = new ArrayList<>();
                if (c.withdrawSwitches()) {
                    state.switches().forEach(s -> events.add(new SwitchWithdrawn(s.switchId(), c.at())));
                }
                if (state instanceof Active active) {
                    if (!c.expiresAt().isAfter(c.at())) {
                        events.add(new ContractExpired(c.expiresAt(), c.comment()));
                    } else if (!c.expiresAt().equals(active.expiresAt())) {
                        // A new bulk expiry moves an earlier schedule: the brand's latest choice wins.
                        events.add(new ContractExpiryScheduled(c.expiresAt(), c.comment(), c.at()));
                    }
                }
                yield List.copyOf(events);
            }
            case FireScheduledExpiry c -> {
                if (state instanceof Active active && active.expiresAt() != null && !active.expiresAt().isAfter(c.at())) {
                    // Expired at the scheduled instant, not when the timer happened to run.
                    yield List.of(new ContractExpired(active.expiresAt(), active.expiryComment()));
                }
                yield List.of();
            }
            case ExpireOnDeactivation c -> {
                List<ContractEvent> events = new ArrayList<>();
                state.switches().forEach(s -> events.add(new SwitchWithdrawn(s.switchId(), c.at())));
                if (state instanceof Active) {
                    events.add(new ContractExpired(c.at(), DEACTIVATION_COMMENT));
                }
                yield List.copyOf(events);
            }
        };
    }

    public static ContractState evolve(ContractState state, ContractEvent event) {
        return switch (event) {
            case ContractCreated e -> new Active(e.contractId(), e.accountId(), e.partnerId(), e.landingUrl(), List.of(),
                    null, null);
            case SwitchProposed e -> active(state).withSwitches(
                    plus(state.switches(), new ContractSwitch(e.switchId(), ContractSwitch.Kind.PROPOSAL, e.terms(), null)));
            case SwitchScheduled e -> active(state).withSwitches(plus(state.switches(),
                    new ContractSwitch(e.switchId(), ContractSwitch.Kind.SCHEDULED, e.terms(), e.effectiveAt())));
            case SwitchWithdrawn e -> {
                List<ContractSwitch> left = state.switches().stream()
                        .filter(s -> !s.switchId().equals(e.switchId())).toList();
                yield switch (state) {
                    case Active a -> a.withSwitches(left);
                    case Expired x -> x.withSwitches(left);
                    case NotCreated n -> throw new IllegalStateException("switch withdrawn before the contract existed");
                };
            }
            case ContractExpiryScheduled e -> {
                Active a = active(state);
                yield new Active(a.contractId(), a.accountId(), a.partnerId(), a.landingUrl(), a.switches(),
                        e.expiresAt(), e.comment());
            }
            case ContractExpired e -> {
                Active a = active(state);
                yield new Expired(a.contractId(), a.accountId(), a.partnerId(), a.landingUrl(), a.switches(),
                        e.expiredAt(), e.comment());
            }
        };
    }

    private static Active requireActive(ContractState state, String what) {
        requireCreated(state);
        if (state instanceof Expired x) {
            throw new DomainException.Conflict("contract " + x.contractId() + " expired at " + x.expiredAt()
                    + ": cannot " + what + " on an expired contract");
        }
        return (Active) state;
    }

    private static void requireCreated(ContractState state) {
        if (state instanceof NotCreated) {
            throw new DomainException.NotFound("contract not found");
        }
    }

    private static void requireNewSwitchId(Active active, String switchId) {
        if (active.pendingSwitch(switchId).isPresent()) {
            throw new DomainException.Conflict("switch " + switchId + " already exists on contract " + active.contractId());
        }
    }

    private static Active active(ContractState state) {
        if (state instanceof Active a) {
            return a;
        }
        throw new IllegalStateException("event applies only to an active contract, state was " + state);
    }

    private static List<ContractSwitch> plus(List<ContractSwitch> switches, ContractSwitch added) {
        List<ContractSwitch> all = new ArrayList<>(switches);
        all.add(added);
        return all;
    }
}
