package com.brandclosure.closure;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.ActiveContractsPresent;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.CatalogsPresent;
import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.testkit.KafkaProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the source services: sends their summary events as envelopes, as their outbox relays would,
 * each summary with the next source version of its account and topic (a source's summary stream).
 */
final class SummaryEventSender {

    private final KafkaProbe kafka;
    private final JsonCodec json;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    SummaryEventSender(KafkaProbe kafka, JsonCodec json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** The next source version of {@code account}'s summaries on {@code topic}, as the source's store would give. */
    long nextVersion(String topic, String account) {
        return versions.computeIfAbsent(topic + "|" + account, k -> new AtomicLong()).incrementAndGet();
    }

    /** Sends {@code event} with a fresh event id; returns the envelope, so a test can send it again. */
    String send(String topic, IntegrationEvent event) {
        String envelope = envelope(event);
        kafka.send(topic, event.accountId(), envelope);
        return envelope;
    }

    void resend(String topic, String accountId, String envelope) {
        kafka.send(topic, accountId, envelope);
    }

    String envelope(IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        return json.write(new Envelope(id, EventCatalog.nameOf(event.getClass()), 1, event.accountId(), Instant.now(),
                "source-service", id, null, json.tree(event)));
    }

    /** Every precondition holds and the last lock date is {@code lockAt} (which may be past or ahead). */
    void allPreconditionsHold(String account, Instant lockAt) {
        Instant now = Instant.now();
        send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC), lockAt, now,
                nextVersion(Topics.PAYOUTS, account)));
        send(Topics.CONTRACTS, new ContractsExpired(account, now, nextVersion(Topics.CONTRACTS, account)));
        send(Topics.FUNDING, new FundingSufficient(account, 12_500, 0, "EUR", now,
                nextVersion(Topics.FUNDING, account)));
        send(Topics.CATALOG, new CatalogsDeleted(account, now, nextVersion(Topics.CATALOG, account)));
    }

    /** The four sources answer the state report of closure {@code closureId}: every precondition holds, lock date past. */
    void reportAllHold(String account, String closureId) {
        Instant now = Instant.now();
        Instant lockAt = now.minus(java.time.Duration.ofDays(1));
        send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC), lockAt, now,
                nextVersion(Topics.PAYOUTS, account), closureId));
        send(Topics.CONTRACTS, new ContractsExpired(account, now, nextVersion(Topics.CONTRACTS, account), closureId));
        send(Topics.FUNDING, new FundingSufficient(account, 12_500, 0, "EUR", now,
                nextVersion(Topics.FUNDING, account), closureId));
        send(Topics.CATALOG, new CatalogsDeleted(account, now, nextVersion(Topics.CATALOG, account), closureId));
    }

    void catalogsPresent(String account) {
        send(Topics.CATALOG, new CatalogsPresent(account, 1, Instant.now(), nextVersion(Topics.CATALOG, account)));
    }

    void contractsActive(String account) {
        send(Topics.CONTRACTS, new ActiveContractsPresent(account, 2, Instant.now(),
                nextVersion(Topics.CONTRACTS, account)));
    }

    /** Which source writes each topic, by the name it confirms its fence with. */
    static final Map<String, String> FENCING_SERVICES = Map.of("contracts-service", Topics.CONTRACTS,
            "payouts-service", Topics.PAYOUTS, "funding-service", Topics.FUNDING, "catalog-service", Topics.CATALOG);

    /** {@code service} confirms it fenced {@code account} for {@code ticketId}, on its own topic. */
    String fenced(String account, String service, String ticketId) {
        return send(FENCING_SERVICES.get(service), new AccountFenced(account, ticketId, service, Instant.now()));
    }

    /** A per-item event on a summary topic, which the saga must ignore. */
    void contractActivated(String account) {
        send(Topics.CONTRACTS, new ContractActivated(account, "contract-" + UUID.randomUUID(), "partner-1",
                Instant.now()));
    }
}
