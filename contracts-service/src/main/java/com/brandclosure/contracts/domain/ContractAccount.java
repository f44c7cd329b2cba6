package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.AccountCommand.AdoptDecidedZone;
import com.brandclosure.contracts.domain.AccountCommand.ConfigureAccount;
import com.brandclosure.contracts.domain.AccountCommand.Deactivate;
import com.brandclosure.contracts.domain.AccountCommand.Reconcile;
import com.brandclosure.contracts.domain.AccountCommand.ReportState;
import com.brandclosure.contracts.domain.AccountEvent.AccountConfigured;
import com.brandclosure.contracts.domain.AccountEvent.AccountFenced;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionMet;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionRetracted;
import com.brandclosure.contracts.domain.AccountEvent.ZoneDecided;
import com.brandclosure.contracts.domain.AccountState.Precondition;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Zones;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The account-level decider of the contracts context: its time zone, the deactivation fence,
 * and the "contracts expired" precondition (ContractsExpired / ActiveContractsPresent are
 * published only when {@link Reconcile} flips it, never twice in a row).
 */
public final class ContractAccount {

    private ContractAccount() {
    }

    /** The decider of one account's stream: its initial state names the account. */
    public static Decider<AccountCommand, AccountState, AccountEvent> decider(String accountId) {
        return Decider.of(AccountState.initial(accountId), ContractAccount::decide, ContractAccount::evolve);
    }

    public static List<AccountEvent> decide(AccountCommand command, AccountState state) {
        return switch (command) {
            case ConfigureAccount c -> {
                String zone = validZone(c.timeZone());
                if (state.decidedZone() != null && !sameZone(state.decidedZone(), zone)) {
                    throw new DomainException.Conflict("account " + state.accountId() + "'s time zone is "
                            + state.decidedZone() + ", not " + zone);
                }
                // The same zone spelled otherwise changes nothing: the id stays the one first given.
                if (state.known() && sameZone(state.timeZone(), zone)) {
                    yield List.of();
                }
                yield List.of(new AccountConfigured(c.accountId(), zone, c.at()));
            }
            case AdoptDecidedZone c -> {
                String zone = validZone(c.timeZone());
                if (state.decidedZone() != null && sameZone(state.decidedZone(), zone)) {
                    yield List.of();
                }
                if (state.decidedZone() != null) {
                    // Decided once: a second, different decision is no decision of the owner's.
                    throw new DomainException.Conflict("account " + state.accountId() + "'s time zone was decided as "
                            + state.decidedZone() + ", not " + zone);
                }
                yield List.of(new ZoneDecided(c.accountId(), zone, c.at()));
            }
            case Deactivate c -> state.deactivated() ? List.of()
                    : List.of(new AccountFenced(c.accountId(), c.closureDate(), c.at()));
            case Reconcile c -> {
                boolean met = c.activeContracts() == 0 && c.pendingSwitches() == 0;
                if (met && state.precondition() != Precondition.MET) {
                    yield List.of(new ContractsPreconditionMet(c.at()));
                }
                if (!met && state.precondition() != Precondition.RETRACTED) {
                    yield List.of(new ContractsPreconditionRetracted(c.activeContracts(), c.pendingSwitches(), c.at()));
                }
                yield List.of();
            }
            case ReportState c -> c.activeContracts() == 0 && c.pendingSwitches() == 0
                    ? List.of(new ContractsPreconditionMet(c.at(), c.reportFor()))
                    : List.of(new ContractsPreconditionRetracted(c.activeContracts(), c.pendingSwitches(), c.at(),
                    c.reportFor()));
        };
    }

    public static AccountState evolve(AccountState state, AccountEvent event) {
        return switch (event) {
            case AccountConfigured e -> new AccountState(state.accountId(), true, e.timeZone(), state.deactivatedOn(),
                    state.precondition(), state.decidedZone());
            case ZoneDecided e -> new AccountState(state.accountId(), true, e.timeZone(), state.deactivatedOn(),
                    state.precondition(), e.timeZone());
            case AccountFenced e -> new AccountState(state.accountId(), true, state.timeZone(), e.closureDate(),
                    state.precondition(), state.decidedZone());
            case ContractsPreconditionMet e -> new AccountState(state.accountId(), state.known(), state.timeZone(),
                    state.deactivatedOn(), Precondition.MET, state.decidedZone());
            case ContractsPreconditionRetracted e -> new AccountState(state.accountId(), state.known(),
                    state.timeZone(), state.deactivatedOn(), Precondition.RETRACTED, state.decidedZone());
        };
    }

    /** New contracts, switches and links need an account that is not deactivated. */
    public static void requireOpen(AccountState state, String what) {
        if (state.deactivated()) {
            throw new DomainException.Conflict("account " + state.accountId() + " was deactivated (closure date "
                    + state.deactivatedOn() + "): " + what + " is no longer accepted");
        }
    }

    /** Operations on existing contracts need an account this service knows. */
    public static void requireKnown(AccountState state) {
        if (!state.known()) {
            throw new DomainException.NotFound("account " + state.accountId() + " is unknown to the contracts service");
        }
    }

    /** Two valid zone ids compared by {@link Zones#same}: "UTC", "Etc/UTC" and "Z" are one zone. */
    private static boolean sameZone(String a, String b) {
        return Zones.same(ZoneId.of(a), ZoneId.of(b));
    }

    private static String validZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidInput("timeZone", "is required, e.g. \"Europe/Berlin\" or \"UTC\"");
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInput("timeZone", "is not a known time zone id: " + timeZone);
        }
    }
}
