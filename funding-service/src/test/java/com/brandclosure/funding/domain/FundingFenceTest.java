package com.brandclosure.funding.domain;

import com.brandclosure.funding.domain.FundingFence.AccountFenceRaised;
import com.brandclosure.funding.domain.FundingFence.Raise;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class FundingFenceTest {

    static final Decider<Raise, FundingFence.Event, FundingFence.State> FENCE =
            new Decider<>(FundingFence.DECIDER.initialState(), FundingFence::decide, FundingFence::evolve);
    static final Instant AT = Instant.parse("2026-03-11T08:00:00Z");

    @AfterAll
    static void everyEventIsDecided() {
        FENCE.assertCovered(FundingFence.Event.class);
    }

    @Test
    void theApprovalRaisesTheFenceAndOpeningAnAccountIsRefusedFromThenOn() {
        var fenced = FENCE.given().when(new Raise("CLS-acme-1", AT)).then(new AccountFenceRaised("CLS-acme-1", AT))
                .state();
        assertThatThrownBy(() -> FundingFence.requireOpen(fenced, "acme"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("is closing")
                .hasMessageContaining("CLS-acme-1");
        assertThatCode(() -> FundingFence.requireOpen(FENCE.given().state(), "acme")).doesNotThrowAnyException();
    }

    @Test
    void raisingItAgainChangesNothing() {
        FENCE.given(new AccountFenceRaised("CLS-acme-1", AT)).when(new Raise("CLS-acme-1", AT.plusSeconds(5)))
                .thenNothing();
    }
}
