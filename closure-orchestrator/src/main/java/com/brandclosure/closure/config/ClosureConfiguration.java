package com.brandclosure.closure.config;

import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.messaging.ClosurePublications;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ClosureProperties.class)
public class ClosureConfiguration {

    /**
     * The saga's stored events under their simple names. No snapshot state is registered: a
     * closure's stream is a few dozen events, cheaper to fold than a snapshot is to keep.
     */
    @Bean
    EventTypes closureEventTypes() {
        return EventTypes.create().addSealed(AccountClosureEvent.class);
    }

    /** The stored events' public shapes on {@link Topics#CLOSURE}, as {@link ClosurePublications} maps them. */
    @Bean
    Publication closurePublication() {
        return Publication.on(Topics.CLOSURE, ClosurePublications::announce);
    }
}
