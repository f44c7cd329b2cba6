package com.brandclosure.closure.config;

import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.messaging.ClosurePublications;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

@Configuration
@EnableConfigurationProperties(ClosureProperties.class)
public class ClosureConfiguration {

    /** The stored events whose fact's source gained {@code sourceVersion} (schema version 2). */
    static final Set<Class<?>> FACT_EVENTS = Set.of(AccountClosureEvent.PreconditionMet.class,
            AccountClosureEvent.PreconditionRetracted.class);

    /**
     * The saga's stored events under their simple names. No snapshot state is registered: a
     * closure's stream is a few dozen events, cheaper to fold than a snapshot is to keep.
     * <p>
     * {@code PreconditionMet} and {@code PreconditionRetracted} are at version 2: version 1 was
     * stored before the sources published their summary stream's version; it is read with
     * {@code fact.source.sourceVersion} 0 ("unknown", see {@code SourceEvent}).
     */
    @Bean
    EventTypes closureEventTypes() {
        EventTypes types = EventTypes.create();
        for (Class<?> type : AccountClosureEvent.class.getPermittedSubclasses()) {
            if (FACT_EVENTS.contains(type)) {
                types.add(type.getSimpleName(), 2, type)
                        .upcaster(type.getSimpleName(), 1, ClosureConfiguration::withUnknownSourceVersion);
            } else {
                types.add(type.getSimpleName(), type);
            }
        }
        return types;
    }

    /** Version 1 → 2 of a fact event: the source's version was not known. */
    static ObjectNode withUnknownSourceVersion(ObjectNode stored) {
        if (stored.get("fact") instanceof ObjectNode fact && fact.get("source") instanceof ObjectNode source
                && !source.has("sourceVersion")) {
            source.put("sourceVersion", 0L);
        }
        return stored;
    }

    /** The stored events' public shapes on {@link Topics#CLOSURE}, as {@link ClosurePublications} maps them. */
    @Bean
    Publication closurePublication() {
        return Publication.on(Topics.CLOSURE, ClosurePublications::announce);
    }
}
