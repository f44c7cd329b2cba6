package com.brandclosure.catalog.config;

import com.brandclosure.catalog.domain.AccountEvent;
import com.brandclosure.catalog.domain.AccountState;
import com.brandclosure.catalog.domain.CatalogEvent;
import com.brandclosure.catalog.messaging.CatalogPublication;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.eventstore.EventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stored event types of catalog-service, by logical name (and the account state, for snapshots). */
@Configuration
public class CatalogConfiguration {

    @Bean
    EventTypes catalogEventTypes() {
        return EventTypes.create()
                .addSealed(CatalogEvent.class)
                .addSealed(AccountEvent.class)
                .add("CatalogAccountState", AccountState.class);
    }

    /** The stored events' public shapes on {@link Topics#CATALOG}, as {@link CatalogPublication} maps them. */
    @Bean
    Publication catalogPublication() {
        return Publication.on(Topics.CATALOG, CatalogPublication::announce);
    }
}
