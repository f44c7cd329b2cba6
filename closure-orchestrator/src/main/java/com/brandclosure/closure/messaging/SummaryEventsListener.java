package com.brandclosure.closure.messaging;

import com.brandclosure.closure.application.ClosureService;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.inbox.Inbox;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the summary events of the four source topics into the sagas. Per-item events on those
 * topics (ContractActivated, ActionTracked, ...) are decoded and dropped without touching the
 * database: they are most of the traffic and none of the saga's business.
 */
@Component
public class SummaryEventsListener {

    static final String CONSUMER = "closure-orchestrator";
    /** The saga reacts on its own behalf; the source event is recorded as the cause. */
    static final String ACTOR = "closure-orchestrator";

    private final InboundEvents inboundEvents;
    private final Inbox inbox;
    private final ClosureService closures;
    private final CommandContexts contexts;

    public SummaryEventsListener(InboundEvents inboundEvents, Inbox inbox, ClosureService closures,
                                 CommandContexts contexts) {
        this.inboundEvents = inboundEvents;
        this.inbox = inbox;
        this.closures = closures;
        this.contexts = contexts;
    }

    @KafkaListener(id = "closure-summaries", idIsGroup = false,
            topics = {Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG},
            concurrency = "${closure.consumer-concurrency:4}")
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = inboundEvents.decode(record);
        var command = SummaryEvents.toCommand(event);
        if (command.isEmpty()) {
            return;
        }
        AccountId account = AccountId.of(event.accountId());
        // One transaction per event: the saga's append, its outbox rows, timer and read model, and
        // the inbox record. Retried whole if a person's command appended to the saga meanwhile.
        ClosureService.retryingOnConflict(() -> inbox.processOnce(CONSUMER, event.eventId(), () -> {
            var ctx = contexts.causedBy(event, ACTOR);
            closures.decideAndApply(account, ctx, state -> command.get().apply(ctx.now()));
        }));
    }
}
