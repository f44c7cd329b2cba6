package com.brandclosure.payouts.messaging;

import com.brandclosure.events.ConversionTracked;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.ActionService;
import com.brandclosure.payouts.application.ActionService.Conversion;
import com.brandclosure.payouts.domain.Action;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes tracked conversions ({@code ConversionTracked} envelopes, see the module README) in
 * batches: one transaction records a whole poll. A record that cannot be understood, or that
 * the account refuses (wrong currency, absurd amount, reported before it happened), goes to
 * {@code payouts.actions-ingest.DLT}: the records before it are committed, the error handler
 * dead-letters it, and consumption resumes after it. Redelivered records are harmless: the
 * action id is the idempotency key.
 */
@Component
public class ActionsIngestListener {

    private static final Logger log = LoggerFactory.getLogger(ActionsIngestListener.class);
    static final String ACTOR = "payouts-ingest";
    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,100}";

    private final InboundEvents inbound;
    private final ActionService actions;
    private final CommandContexts contexts;

    public ActionsIngestListener(InboundEvents inbound, ActionService actions, CommandContexts contexts) {
        this.inbound = inbound;
        this.actions = actions;
        this.contexts = contexts;
    }

    @KafkaListener(id = "payouts-ingest", topics = Topics.ACTIONS_INGEST, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        List<Conversion> conversions = new ArrayList<>(records.size());
        int failedAt = -1;
        RuntimeException failure = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                conversions.add(conversion(inbound.decode(records.get(i))));
            } catch (MalformedMessageException e) {
                failedAt = i;
                failure = e;
                break;
            }
        }
        Map<Integer, DomainException> refused = actions.track(conversions, contexts.forActor(ACTOR, null));
        if (!refused.isEmpty()) {
            int first = refused.keySet().stream().min(Integer::compare).orElseThrow();
            if (failedAt < 0 || first < failedAt) {
                failedAt = first;
                failure = new MalformedMessageException("conversion refused: " + refused.get(first).getMessage(),
                        refused.get(first));
            }
        }
        if (failedAt >= 0) {
            log.warn("ingest record {} goes to the dead-letter topic: {}", where(records.get(failedAt)),
                    failure.getMessage());
            throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
        }
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
        return new Conversion(AccountId.of(c.accountId()), c.actionId(), c.partnerId(), c.contractId(), c.eventAt(),
                reportedAt, cost, contexts.causedBy(event, ACTOR));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedMessageException("invalid ConversionTracked: " + message);
        }
    }

    private static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
