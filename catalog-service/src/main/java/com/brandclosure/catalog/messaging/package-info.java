/**
 * catalog-service on Kafka: the public shape of its events ({@code CatalogPublication}, the published
 * event id is the stored event's id) and the closure events it consumes, through the platform's batch
 * consumer (one unit of work per poll, deduplicated by event id).
 */
package com.brandclosure.catalog.messaging;
