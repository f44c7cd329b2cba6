package com.brandclosure.catalog.domain;

import com.brandclosure.catalog.domain.AccountCommand.Deactivate;
import com.brandclosure.catalog.domain.AccountCommand.Reconcile;
import com.brandclosure.catalog.domain.AccountCommand.ReportState;
import com.brandclosure.catalog.domain.AccountEvent.AccountFenced;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionMet;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionRetracted;
import com.brandclosure.catalog.domain.AccountState.Precondition;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.util.List;

/** The account-level decider: deactivation fence and the CatalogsDeleted / CatalogsPresent summary, emitted on flips only. */
public final class CatalogAccount {

    private CatalogAccount() {
    }

    /** The decider of one account's stream (its initial state names the account). */
    public static Decider<AccountCommand, AccountState, AccountEvent> decider(String accountId) {
        return Decider.of(AccountState.initial(accountId), CatalogAccount::decide, CatalogAccount::evolve);
    }

    public static List<AccountEvent> decide(AccountCommand command, AccountState state) {
        return switch (command) {
            case Deactivate c -> state.deactivated() ? List.of()
                    : List.of(new AccountFenced(c.accountId(), c.closureDate(), c.at()));
            case Reconcile c -> {
                if (c.liveCatalogs() == 0 && state.precondition() != Precondition.MET) {
                    yield List.of(new CatalogsPreconditionMet(c.at()));
                }
                if (c.liveCatalogs() > 0 && state.precondition() != Precondition.RETRACTED) {
                    yield List.of(new CatalogsPreconditionRetracted(c.liveCatalogs(), c.at()));
                }
                yield List.of();
            }
            case ReportState c -> c.liveCatalogs() == 0
                    ? List.of(new CatalogsPreconditionMet(c.at(), c.reportFor()))
                    : List.of(new CatalogsPreconditionRetracted(c.liveCatalogs(), c.at(), c.reportFor()));
        };
    }

    public static AccountState evolve(AccountState state, AccountEvent event) {
        return switch (event) {
            case AccountFenced e -> new AccountState(state.accountId(), e.closureDate(), state.precondition());
            case CatalogsPreconditionMet e -> new AccountState(state.accountId(), state.deactivatedOn(), Precondition.MET);
            case CatalogsPreconditionRetracted e ->
                    new AccountState(state.accountId(), state.deactivatedOn(), Precondition.RETRACTED);
        };
    }

    public static void requireOpen(AccountState state) {
        if (state.deactivated()) {
            throw new DomainException.Conflict("account " + state.accountId() + " was deactivated (closure date "
                    + state.deactivatedOn() + "): no new catalog is accepted");
        }
    }
}
