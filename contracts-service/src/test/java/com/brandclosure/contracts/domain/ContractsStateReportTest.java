package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.AccountCommand.ReportState;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionMet;
import com.brandclosure.contracts.domain.AccountEvent.ContractsPreconditionRetracted;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** A state report announces the summary as it is, flipped or not, with the closure it answers. */
class ContractsStateReportTest {

    private static final Decider<AccountCommand, AccountEvent, AccountState> account =
            new Decider<>(AccountState.initial("acc"), ContractAccount::decide, ContractAccount::evolve);
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void a_never_seen_account_reports_its_contracts_expired() {
        account.given().when(new ReportState(0, 0, "CLO-acc-1", T0)).then(new ContractsPreconditionMet(T0, "CLO-acc-1"));
    }

    @Test
    void active_contracts_or_pending_switches_are_reported_as_present_even_when_nothing_flipped() {
        var present = new ContractsPreconditionRetracted(2, 0, T0);
        account.given(present).when(new ReportState(2, 0, "CLO-acc-1", T0))
                .then(new ContractsPreconditionRetracted(2, 0, T0, "CLO-acc-1"));
        account.given().when(new ReportState(0, 1, "CLO-acc-1", T0))
                .then(new ContractsPreconditionRetracted(0, 1, T0, "CLO-acc-1"));
    }
}
