package com.brandclosure.catalog.domain;

import com.brandclosure.catalog.domain.AccountCommand.ReportState;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionMet;
import com.brandclosure.catalog.domain.AccountEvent.CatalogsPreconditionRetracted;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A state report announces the summary as it is, flipped or not, with the closure it answers. */
class CatalogStateReportTest {

    private static final Decider<AccountCommand, AccountEvent, AccountState> account =
            new Decider<>(AccountState.initial("acc"), CatalogAccount::decide, CatalogAccount::evolve);
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void a_never_seen_account_reports_its_catalogs_deleted() {
        var state = account.given().when(new ReportState(0, "CLO-acc-1", T0))
                .then(new CatalogsPreconditionMet(T0, "CLO-acc-1")).state();
        assertThat(state.precondition()).isEqualTo(AccountState.Precondition.MET);
    }

    @Test
    void an_unchanged_summary_is_reported_again_and_a_present_one_with_its_count() {
        var deleted = new CatalogsPreconditionMet(T0);
        account.given(deleted).when(new ReportState(0, "CLO-acc-1", T0))
                .then(new CatalogsPreconditionMet(T0, "CLO-acc-1"));
        account.given(deleted).when(new ReportState(2, "CLO-acc-1", T0))
                .then(new CatalogsPreconditionRetracted(2, T0, "CLO-acc-1"));
    }
}
