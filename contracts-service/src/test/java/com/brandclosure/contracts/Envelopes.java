package com.brandclosure.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Builds what closure-orchestrator would publish: an envelope (platform Envelope shape) with an AccountDeactivated payload. */
public final class Envelopes {

    private Envelopes() {
    }

    /** {@code closureDate} null: the payload carries {@code "closureDate":null} (an invalid event). */
    public static String accountDeactivated(String eventId, String accountId, LocalDate closureDate, Instant at) {
        return """
                {"eventId":"%s","type":"AccountDeactivated","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"support:agent-7","correlationId":"closure-%s","causationId":null,
                 "payload":{"accountId":"%s","closureDate":%s,"deactivatedAt":"%s"}}"""
                .formatted(eventId, accountId, at, accountId, accountId,
                        closureDate == null ? "null" : "\"" + closureDate + "\"", at);
    }

    /** A FinalReviewApproved of the closure {@code ticketId} with the closure date it decided. */
    public static String finalReviewApproved(String eventId, String accountId, String ticketId, LocalDate closureDate,
                                             Instant at) {
        return """
                {"eventId":"%s","type":"FinalReviewApproved","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"support:agent-7","correlationId":"closure-%s","causationId":null,
                 "payload":{"accountId":"%s","ticketId":"%s","approver":"agent-7","closureDate":"%s"}}"""
                .formatted(eventId, accountId, at, accountId, accountId, ticketId, closureDate);
    }

    /** What payouts-service publishes when it decides the account's currency and zone. */
    public static String accountLocaleDecided(String accountId, String currency, String zone, Instant at) {
        return """
                {"eventId":"%s","type":"AccountLocaleDecided","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"payouts-service","correlationId":"settings-%s","causationId":null,
                 "payload":{"accountId":"%s","currency":"%s","zone":"%s","decidedAt":"%s"}}"""
                .formatted(newId(), accountId, at, accountId, accountId, currency, zone, at);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
