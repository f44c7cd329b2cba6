package com.brandclosure.events;

/** Published by catalog-service on {@link Topics#CATALOG}. */
public sealed interface CatalogEvent extends IntegrationEvent
        permits CatalogCreated, CatalogDeleted, CatalogsDeleted, CatalogsPresent, AccountFenced {
}
