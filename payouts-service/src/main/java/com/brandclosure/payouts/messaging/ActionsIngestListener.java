package com.brandclosure.payouts.messaging;

import com.brandclosure.events.ConversionTracked;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.Conversion;
import com.brandclosure.payouts.application.TrackConversions;
import com.brandclosure.payouts.domain.Action;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes tracked conversions ({@code ConversionTracked} envelopes, see the module README) in
 * batches: one unit of work records a whole poll, each account's conversions as one batch. A record
 * that cannot be understood, or that the account refuses (wrong currency, absurd amount, reported
 * before it happened), goes to {@code payouts.actions-ingest.DLT} on its own and the rest of the poll
 * is applied: conversions are independent of each other, so nothing waits behind a bad one (the
 * subscription parks no account). Redelivered records are harmless: the action id is the
 * idempotency key.
 */
@Component
public class ActionsIngestListener {

    static final String ACTOR = "payouts-ingest";
    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,100}";
    /** No tracking system reports a conversion from before this: an earlier date is a broken record. */
    static final Instant EARLIEST_EVENT_DATE = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * How far ahead of this service's clock an event date may be (the tracking systems' clocks drift a
     * little). A far-future date would give a lock date far ahead and hold the brand's closure for as long.
     */
    @Value("${payouts.ingest.max-clock-skew:PT5M}")
    Duration maxClockSkew = Duration.ofMinutes(5);

    private final CommandContexts contexts;
    private final InboundBatches.Subscription subscription;

    public ActionsIngestListener(InboundBatches inbound, TrackConversions tracking, CommandContexts contexts) {
        this.contexts = contexts;
        this.subscription = inbound.subscribeIndependent("actions-ingest", List.of(ConversionTracked.class),
                (account, events, work) -> {
                    List<Conversion> conversions = new ArrayList<>(events.size());
                    for (InboundEvent event : events) {
                        conversions.add(conversion(event));
                    }
                    Map<Integer, DomainException> refused = tracking.track(conversions, contexts.forActor(ACTOR, null));
                    if (!refused.isEmpty()) {
                        // The platform then applies the account's records one by one and dead-letters this one.
                        DomainException first = refused.get(refused.keySet().stream().min(Integer::compare).orElseThrow());
                        throw new MalformedMessageException("conversion refused: " + first.getMessage(), first);
                    }
                });
    }

    // The listener id is the consumer group (kept from before, so committed offsets carry over).
    @KafkaListener(id = "payouts-ingest", topics = Topics.ACTIONS_INGEST, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }

    /** Checks the payload's fields; anything missing or out of range makes the record malformed. */
    Conversion conversion(InboundEvent event) {
        if (!(event.event() instanceof ConversionTracked c)) {
            throw new MalformedMessageException("expected a ConversionTracked on " + Topics.ACTIONS_INGEST + ", got "
                    + event.envelope().type());
        }
        require(c.actionId() != null && c.actionId().matches(ID_PATTERN), "actionId must match " + ID_PATTERN);
        require(c.partnerId() != null && c.partnerId().matches(ID_PATTERN), "partnerId must match " + ID_PATTERN);
        require(c.contractId() == null || c.contractId().matches(ID_PATTERN), "contractId must match " + ID_PATTERN);
        require(c.eventAt() != null, "eventAt is required");
        require(c.costMinor() > 0, "costMinor must be positive");
        require(c.costMinor() <= Action.MAX_COST_MINOR, "costMinor must be at most " + Action.MAX_COST_MINOR);
        Money cost;
        try {
            cost = Money.of(c.costMinor(), c.currency());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
        // Without a report time, the time the tracking system published the record is the report time.
        var reportedAt = c.reportedAt() != null ? c.reportedAt() : event.envelope().occurredAt();
        Instant latest = contexts.clock().instant().plus(maxClockSkew);
        requireDate("eventAt", c.eventAt(), latest, maxClockSkew);
        requireDate("reportedAt", reportedAt, latest, maxClockSkew);
        return new Conversion(AccountId.of(c.accountId()), c.actionId(), c.partnerId(), c.contractId(), c.eventAt(),
                reportedAt, cost, contexts.causedBy(event, ACTOR));
    }

    private static void requireDate(String field, Instant value, Instant latest, Duration skew) {
        require(value != null, field + " is required");
        require(!value.isBefore(EARLIEST_EVENT_DATE), field + " " + value + " is before " + EARLIEST_EVENT_DATE);
        require(!value.isAfter(latest), field + " " + value + " is later than the receiving clock + " + skew
                + " (" + latest + ")");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedMessageException("invalid ConversionTracked: " + message);
        }
    }
}
