package com.brandclosure.contracts.domain;

import com.brandclosure.contracts.domain.LinkCommand.CreateLink;
import com.brandclosure.contracts.domain.LinkCommand.RecordClick;
import com.brandclosure.contracts.domain.LinkEvent.ClickRecorded;
import com.brandclosure.contracts.domain.LinkEvent.LinkCreated;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.util.List;

/** The TrackingLink decider: a link redirects (and counts the click) only while its contract is live. */
public final class TrackingLink {

    public static final Decider<LinkCommand, LinkState, LinkEvent> DECIDER =
            Decider.of(LinkState.INITIAL, TrackingLink::decide, TrackingLink::evolve);

    private TrackingLink() {
    }

    /** Decides; an empty list for a click means "link expired": answer 410 and record nothing. */
    public static List<LinkEvent> decide(LinkCommand command, LinkState state) {
        return switch (command) {
            case CreateLink c -> {
                if (state.exists()) {
                    throw new DomainException.Conflict("link " + c.linkId() + " already exists");
                }
                if (!c.contractActive()) {
                    throw new DomainException.Conflict("contract " + c.contractId()
                            + " is expired: no tracking link can be created for it");
                }
                yield List.of(new LinkCreated(c.linkId(), c.accountId(), c.contractId(), c.landingUrl(), c.at()));
            }
            case RecordClick c -> {
                if (!state.exists()) {
                    throw new DomainException.NotFound("tracking link not found");
                }
                yield isLive(c) ? List.of(new ClickRecorded(c.clickId(), c.at())) : List.of();
            }
        };
    }

    /** After deactivation every link is dead, whatever its contract says. */
    public static boolean isLive(RecordClick click) {
        return click.contractActive() && !click.accountDeactivated();
    }

    public static LinkState evolve(LinkState state, LinkEvent event) {
        return switch (event) {
            case LinkCreated e -> new LinkState(e.linkId(), e.accountId(), e.contractId(), e.landingUrl(), 0);
            case ClickRecorded e -> new LinkState(state.linkId(), state.accountId(), state.contractId(),
                    state.landingUrl(), state.clicks() + 1);
        };
    }
}
