package com.brandclosure.contracts.config;

import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.contracts.domain.LinkState;
import com.brandclosure.contracts.messaging.ContractsPublication;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stored event types of this service and its snapshot states (the runner snapshots a stream
 * only if its state's class is registered here). Contract states are not registered: a contract's
 * stream stays a handful of events long, so it is always folded from its events.
 */
@Configuration
public class ContractsConfiguration {

    /** Stored Idempotency-Key answers are purged by the platform's retention job after a day. */
    @Bean
    com.brandclosure.platform.retention.RetentionPolicy idempotencyKeysRetention() {
        return new com.brandclosure.platform.retention.RetentionPolicy("idempotency_keys", "created_at",
                java.time.Duration.ofDays(1));
    }

    @Bean
    EventTypes contractsEventTypes() {
        return EventTypes.create()
                .addSealed(ContractEvent.class)
                .addSealed(AccountEvent.class)
                .addSealed(LinkEvent.class)
                .add("ContractsAccountState", AccountState.class)
                .add("TrackingLinkState", LinkState.class);
    }

    /** The stored events' public shapes on {@link Topics#CONTRACTS}, as {@link ContractsPublication} maps them. */
    @Bean
    Publication contractsPublication() {
        return Publication.on(Topics.CONTRACTS, ContractsPublication::announce);
    }
}
