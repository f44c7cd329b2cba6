package com.brandclosure.funding.config;

import com.brandclosure.events.Topics;
import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingFence;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.messaging.FundingPublication;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class FundingConfiguration {

    /**
     * Events under their simple names (the names already stored: {@code AccountOpened}, {@code CostApproved},
     * …, independent of the sealed interface's name); the open-account state for snapshots (long streams).
     */
    @Bean
    EventTypes fundingEventTypes() {
        return EventTypes.create()
                .addSealed(FundingAccountEvent.class)
                .addSealed(FundingFence.Event.class)
                .add("FundingAccountSnapshot", FundingState.Active.class);
    }

    /** The stored events' public shapes on {@link Topics#FUNDING}, as {@link FundingPublication} maps them. */
    @Bean
    Publication fundingPublication() {
        return Publication.on(Topics.FUNDING, FundingPublication::announce);
    }
}
