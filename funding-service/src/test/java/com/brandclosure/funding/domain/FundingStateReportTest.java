package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingAccountEvent.FundingInsufficient;
import com.brandclosure.funding.domain.FundingAccountEvent.FundingSufficient;
import com.brandclosure.funding.domain.FundingCommand.ReportState;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A state report announces the summary as it is, crossed or not, with the closure it answers. */
class FundingStateReportTest {

    static final Instant NOW = Instant.parse("2025-06-10T09:00:00Z");
    static final Decider<FundingCommand, FundingAccountEvent, FundingState> account =
            new Decider<>(FundingAccount.initial(), FundingAccount::decide, FundingAccount::evolve);

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Test
    void an_account_never_opened_owes_nothing_and_stays_unopened() {
        var nothing = Money.zero(Currency.getInstance("XXX"));
        var state = account.given().when(new ReportState("CLO-b-1", NOW))
                .then(new FundingSufficient(nothing, nothing, NOW, "CLO-b-1")).state();
        assertThat(state).isInstanceOf(FundingState.Unopened.class);
        // It may still be opened afterwards.
        var opened = account.givenState(state).when(new FundingCommand.OpenAccount("b", Currency.getInstance("EUR"), NOW))
                .thenMatches(events -> assertThat(events.getFirst()).isInstanceOf(FundingAccountEvent.AccountOpened.class))
                .state();
        assertThat(opened).isInstanceOf(FundingState.Active.class);
    }

    @Test
    void an_open_account_reports_its_current_sufficiency_even_when_it_did_not_cross() {
        List<FundingAccountEvent> opened = FundingAccount.decide(
                new FundingCommand.OpenAccount("b", Currency.getInstance("EUR"), NOW), FundingAccount.initial());
        account.given(opened).when(new ReportState("CLO-b-1", NOW))
                .then(new FundingSufficient(eur(0), eur(0), NOW, "CLO-b-1"));
        var withCost = new java.util.ArrayList<>(opened);
        withCost.addAll(FundingAccount.decide(new FundingCommand.ApproveCost("a-1", eur(5_000), LocalDate.of(2025, 7, 15),
                Instant.parse("2025-07-15T00:00:00Z"), NOW), FundingAccount.DECIDER.fold(FundingAccount.initial(), opened)));
        account.given(withCost).when(new ReportState("CLO-b-1", NOW))
                .then(new FundingInsufficient(eur(0), eur(5_000), eur(0), NOW, List.of(), "CLO-b-1"));
    }
}
