package com.brandclosure.funding.config;

import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingState;
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
                .add("FundingAccountSnapshot", FundingState.Active.class);
    }
}
