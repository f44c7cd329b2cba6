package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.AccountCommand.AdoptDecidedZone;
import com.brandclosure.contracts.domain.AccountCommand.ConfigureAccount;
import com.brandclosure.contracts.domain.AccountCommand.Deactivate;
import com.brandclosure.contracts.domain.AccountCommand.Reconcile;
import com.brandclosure.contracts.domain.AccountEvent.AccountConfigured;
import com.brandclosure.contracts.domain.AccountEvent.AccountFenced;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionMet;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionRetracted;
import com.brandclosure.contracts.domain.AccountEvent.ZoneDecided;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractAccountTest {

    private static final Decider<AccountCommand, AccountEvent, AccountState> account =
            new Decider<>(AccountState.initial("acc"), ContractAccount::decide, ContractAccount::evolve);

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final AccountConfigured CONFIGURED = new AccountConfigured("acc", "Europe/Berlin", T0);

    @AfterAll
    static void everyEventTypeIsCovered() {
        account.assertCovered(AccountEvent.class);
    }

    @Test
    void configures_a_valid_time_zone_once() {
        account.given().when(new ConfigureAccount("acc", "Europe/Berlin", T0)).then(CONFIGURED);
        account.given(CONFIGURED).when(new ConfigureAccount("acc", "Europe/Berlin", T0)).then();
        account.given().when(new ConfigureAccount("acc", "Mars/Olympus", T0))
                .thenRefused(InvalidInput.class, "timeZone");
    }

    @Test
    void the_decided_zone_is_adopted_over_the_configured_one_and_no_other_is_accepted_afterwards() {
        var decided = new ZoneDecided("acc", "Pacific/Auckland", T0);
        // Configured before the decision: the decision wins and becomes the account's zone.
        var state = account.given(CONFIGURED).when(new AdoptDecidedZone("acc", "Pacific/Auckland", T0))
                .then(decided).state();
        org.assertj.core.api.Assertions.assertThat(state.timeZone()).isEqualTo("Pacific/Auckland");
        org.assertj.core.api.Assertions.assertThat(state.decidedZone()).isEqualTo("Pacific/Auckland");
        // The same decision again (a redelivery) decides nothing; a different one is refused.
        account.given(CONFIGURED, decided).when(new AdoptDecidedZone("acc", "Pacific/Auckland", T0)).then();
        account.given(CONFIGURED, decided).when(new AdoptDecidedZone("acc", "UTC", T0))
                .thenRefused(DomainException.Conflict.class, "decided as Pacific/Auckland, not UTC");
        // Configuring the decided zone is accepted (nothing to change), another one is a 409 naming both.
        account.given(decided).when(new ConfigureAccount("acc", "Pacific/Auckland", T0)).then();
        account.given(CONFIGURED, decided).when(new ConfigureAccount("acc", "Europe/Berlin", T0))
                .thenRefused(DomainException.Conflict.class, "account acc's time zone is Pacific/Auckland, not Europe/Berlin");
        // Decided before anything was configured: the account becomes known in that zone.
        org.assertj.core.api.Assertions.assertThat(account.given().when(new AdoptDecidedZone("acc",
                "America/Los_Angeles", T0)).then(new ZoneDecided("acc", "America/Los_Angeles", T0)).state().known())
                .isTrue();
    }

    /** Zones compare by their rules (the kernel's {@code Zones.same}), and the id first given is kept. */
    @Test
    void a_zone_spelled_otherwise_is_no_conflict_and_keeps_the_id_first_decided() {
        var utc = new ZoneDecided("acc", "UTC", T0);
        for (String spelling : new String[] {"Etc/UTC", "Z", "GMT"}) {
            account.given(utc).when(new AdoptDecidedZone("acc", spelling, T0)).then();
            account.given(utc).when(new ConfigureAccount("acc", spelling, T0)).then();
        }
        account.given(new AccountConfigured("acc", "UTC", T0)).when(new ConfigureAccount("acc", "Etc/UTC", T0)).then();
        org.assertj.core.api.Assertions.assertThat(account.given(utc).state().timeZone()).isEqualTo("UTC");
        var paris = new ZoneDecided("acc", "Europe/Paris", T0);
        account.given(paris).when(new AdoptDecidedZone("acc", "America/Los_Angeles", T0))
                .thenRefused(DomainException.Conflict.class, "decided as Europe/Paris, not America/Los_Angeles");
        account.given(paris).when(new ConfigureAccount("acc", "America/Los_Angeles", T0))
                .thenRefused(DomainException.Conflict.class,
                        "account acc's time zone is Europe/Paris, not America/Los_Angeles");
    }

    @Test
    void summary_is_emitted_only_when_the_precondition_flips() {
        var met = new ContractsPreconditionMet(T0);
        account.given(CONFIGURED).when(new Reconcile(0, 0, T0)).then(met);
        account.given(CONFIGURED, met).when(new Reconcile(0, 0, T0)).then();
        var retracted = new ContractsPreconditionRetracted(1, 0, T0);
        account.given(CONFIGURED, met).when(new Reconcile(1, 0, T0)).then(retracted);
        account.given(CONFIGURED, met, retracted).when(new Reconcile(3, 0, T0)).then();
        // a pending switch alone keeps the precondition unmet
        account.given(CONFIGURED, met).when(new Reconcile(0, 1, T0))
                .then(new ContractsPreconditionRetracted(0, 1, T0));
        account.given(CONFIGURED, met, retracted).when(new Reconcile(0, 0, T0)).then(met);
    }

    @Test
    void deactivation_fences_new_work_for_good() {
        var fenced = new AccountFenced("acc", LocalDate.parse("2026-03-10"), T0);
        AccountState state = account.given(CONFIGURED)
                .when(new Deactivate("acc", LocalDate.parse("2026-03-10"), T0)).then(fenced).state();
        assertThatThrownBy(() -> ContractAccount.requireOpen(state, "a new contract"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("deactivated");
        account.given(CONFIGURED, fenced).when(new Deactivate("acc", LocalDate.parse("2026-03-12"), T0)).then();
        ContractAccount.requireOpen(account.given(CONFIGURED).state(), "a new contract");
    }

    @Test
    void unknown_account_is_not_found() {
        assertThatThrownBy(() -> ContractAccount.requireKnown(account.given().state()))
                .isInstanceOf(DomainException.NotFound.class).hasMessageContaining("unknown");
        ContractAccount.requireKnown(account.given(CONFIGURED).state());
    }
}
