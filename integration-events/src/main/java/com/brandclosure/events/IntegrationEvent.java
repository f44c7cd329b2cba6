package com.brandclosure.events;

/**
 * An event one service publishes for the others: a deliberate public shape, not a service's
 * internal domain event. Its logical type name (see {@link EventCatalog}) and schema version
 * travel in the envelope; event id, actor, correlation/causation ids and occurred-at travel
 * in the envelope's metadata. Every event names the brand account it concerns, which is
 * also the Kafka record key.
 */
public interface IntegrationEvent {
    String accountId();
}
