package com.brandclosure.platform.outbox;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What travels on Kafka as the record value: the integration event's logical type, schema
 * version and payload, with its metadata. The record key is {@code accountId}.
 */
public record Envelope(String eventId, String type, int schemaVersion, String accountId, Instant occurredAt,
                       String actor, String correlationId, String causationId, JsonNode payload) {
}
