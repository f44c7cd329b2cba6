package com.brandclosure.catalog.domain;

import com.brandclosure.catalog.domain.AccountCommand.Deactivate;
import com.brandclosure.catalog.domain.AccountCommand.Reconcile;
import com.brandclosure.catalog.domain.AccountEvent.AccountFenced;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionMet;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionRetracted;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogAccountTest {

    private static final Decider<AccountCommand, AccountEvent, AccountState> account =
            new Decider<>(AccountState.initial("acc"), CatalogAccount::decide, CatalogAccount::evolve);

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @AfterAll
    static void everyEventTypeIsCovered() {
        account.assertCovered(AccountEvent.class);
    }

    @Test
    void summary_flips_only_on_change() {
        var present = new CatalogsPreconditionRetracted(1, T0);
        account.given().when(new Reconcile(1, T0)).then(present);
        account.given(present).when(new Reconcile(2, T0)).thenNothing();
        var deleted = new CatalogsPreconditionMet(T0);
        account.given(present).when(new Reconcile(0, T0)).then(deleted);
        account.given(present, deleted).when(new Reconcile(0, T0)).thenNothing();
        account.given(present, deleted).when(new Reconcile(1, T0)).then(new CatalogsPreconditionRetracted(1, T0));
    }

    @Test
    void deactivation_refuses_new_catalogs_for_good() {
        var fenced = new AccountFenced("acc", LocalDate.parse("2026-03-10"), T0);
        AccountState state = account.given().when(new Deactivate("acc", LocalDate.parse("2026-03-10"), T0)).then(fenced).state();
        assertThatThrownBy(() -> CatalogAccount.requireOpen(state))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("deactivated");
        account.given(fenced).when(new Deactivate("acc", LocalDate.parse("2026-03-11"), T0)).thenNothing();
        CatalogAccount.requireOpen(account.given().state());
    }
}
