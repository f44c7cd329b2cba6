package com.brandclosure.funding.messaging;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.inbox.InboundEvent;

import java.time.Instant;
import java.util.List;

/**
 * The simulation's window on funding-service's own consumer mapping (package-private there, and
 * Spring-free): the payouts events it follows and the funding commands a poll of them becomes. In
 * this package only to reach them; it copies nothing.
 */
public final class FundingMappings {

    public static final List<Class<? extends IntegrationEvent>> PAYOUTS_EVENTS_FOLLOWED =
            PayoutsEventsListener.FOLLOWED;

    private FundingMappings() {
    }

    public static List<FundingCommand> fromPayoutsEvents(String account, List<InboundEvent> events, Instant now) {
        return PayoutsEventsListener.commands(account, events, now);
    }
}
