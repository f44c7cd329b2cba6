package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.LinkCommand.CreateLink;
import com.brandclosure.contracts.domain.LinkCommand.RecordClick;
import com.brandclosure.contracts.domain.LinkEvent.ClickRecorded;
import com.brandclosure.contracts.domain.LinkEvent.LinkCreated;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.testkit.Decider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingLinkTest {

    private static final Decider<LinkCommand, LinkEvent, LinkState> link =
            new Decider<>(LinkState.INITIAL, TrackingLink::decide, TrackingLink::evolve);

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final LinkCreated CREATED = new LinkCreated("l1", "acc", "c1", "https://brand.example/", T0);

    @AfterAll
    static void everyEventTypeIsCovered() {
        link.assertCovered(LinkEvent.class);
    }

    @Test
    void a_link_is_created_only_for_an_active_contract() {
        link.given().when(new CreateLink("l1", "acc", "c1", "https://brand.example/", true, T0)).then(CREATED);
        link.given().when(new CreateLink("l1", "acc", "c1", "https://brand.example/", false, T0))
                .thenRefused(DomainException.Conflict.class, "expired");
    }

    @Test
    void a_click_on_a_live_link_is_recorded() {
        LinkState after = link.given(CREATED).when(new RecordClick("k1", true, false, T0))
                .then(new ClickRecorded("k1", T0)).state();
        assertThat(after.clicks()).isEqualTo(1);
    }

    @Test
    void a_click_on_an_expired_contract_or_a_deactivated_account_records_nothing() {
        link.given(CREATED).when(new RecordClick("k1", false, false, T0)).then();
        link.given(CREATED).when(new RecordClick("k1", true, true, T0)).then();
        link.given().when(new RecordClick("k1", true, false, T0)).thenRefused(DomainException.NotFound.class, "not found");
    }
}
