package com.brandclosure.payouts.config;

import com.brandclosure.events.Topics;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.payouts.messaging.PayoutsPublication;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PayoutsConfiguration {

    /**
     * Stored under the records' simple names: ActionTracked, ..., PayoutsSettled, PayoutsPending. The
     * summary's state is registered for snapshots: its stream grows with every crossing, while an
     * action's stream stays a handful of events long.
     */
    @Bean
    EventTypes payoutsEventTypes() {
        return EventTypes.create()
                .addSealed(ActionEvent.class)
                .addSealed(PayoutsSummary.SummaryEvent.class)
                .add("PayoutsSummaryState", PayoutsSummary.State.class);
    }

    /** The stored events' public shapes on {@link Topics#PAYOUTS}, as {@link PayoutsPublication} maps them. */
    @Bean
    Publication payoutsPublication() {
        return Publication.on(Topics.PAYOUTS, PayoutsPublication::announce);
    }
}
