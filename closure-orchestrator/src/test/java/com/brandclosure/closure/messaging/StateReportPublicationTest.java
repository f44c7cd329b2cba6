package com.brandclosure.closure.messaging;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.events.ClosureInitiated;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.platform.kernel.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The initiation and a review request are published with the state-report request they call for. */
class StateReportPublicationTest {

    static final AccountId ACCOUNT = AccountId.of("acme");
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void anInitiationAsksForStateReportsUnderTheClosureId() {
        var initiated = new AccountClosureEvent.ClosureInitiated("brand-admin", "moving on", T0);
        AccountClosureState after = AccountClosure.evolve(AccountClosure.initial(ACCOUNT), initiated);
        assertThat(ClosurePublications.toIntegrationEvent("acme", initiated, true))
                .contains(new ClosureInitiated("acme", "brand-admin", "moving on"));
        assertThat(ClosurePublications.stateReportRequest("acme", initiated, after))
                .contains(new StateReportRequested("acme", "CLO-acme-1", StateReportRequested.INITIATION, T0));
    }

    @Test
    void aReviewRequestAsksAgainForTheSameClosureAndItsAnswersAreNotPublished() {
        var initiated = new AccountClosureEvent.ClosureInitiated("brand-admin", "moving on", T0);
        AccountClosureState s = AccountClosure.evolve(AccountClosure.initial(ACCOUNT), initiated);
        s = new AccountClosureState.Preparing(s.ledger(), AccountClosure.initiation(s), T0, List.of("open invoice"),
                true);
        var requested = new AccountClosureEvent.ReviewRequested("brand-admin", T0.plusSeconds(60));
        AccountClosureState after = AccountClosure.evolve(s, requested);
        assertThat(ClosurePublications.stateReportRequest("acme", requested, after)).contains(
                new StateReportRequested("acme", "CLO-acme-1", StateReportRequested.REVIEW_REQUESTED,
                        T0.plusSeconds(60)));
        assertThat(ClosurePublications.toIntegrationEvent("acme", requested, true)).isEmpty();
        var answered = new AccountClosureEvent.StateReported(
                com.brandclosure.closure.domain.Precondition.CATALOGS_DELETED, "CLO-acme-1", T0);
        assertThat(ClosurePublications.toIntegrationEvent("acme", answered, true)).isEmpty();
        assertThat(ClosurePublications.stateReportRequest("acme", answered, after)).isEmpty();
    }
}
