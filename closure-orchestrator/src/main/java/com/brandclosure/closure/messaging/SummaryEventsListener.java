package com.brandclosure.closure.messaging;

import com.brandclosure.closure.application.ClosureSaga;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds the summary events of the four source topics into the sagas, one poll at a time: the
 * platform runs the poll as one unit of work holding every account in it, drops redeliveries, and
 * hands each account's new summaries over in order; each becomes a saga command, which joins that
 * unit. Per-item events on those topics (ContractActivated, ActionTracked, ...) are most of the
 * traffic and none of the saga's business: the subscription skips them without touching the database.
 */
@Component
public class SummaryEventsListener {

    /** The saga reacts on its own behalf; the source event is recorded as the cause. */
    static final String ACTOR = "closure-orchestrator";

    private final InboundBatches.Subscription subscription;

    public SummaryEventsListener(InboundBatches inbound, ClosureSaga saga, CommandContexts contexts) {
        subscription = inbound.subscribe("summary-events", SummaryEvents.TYPES,
                AccountHandler.each((event, work) -> SummaryEvents.toCommand(event).ifPresent(command -> {
                    var ctx = contexts.causedBy(event, ACTOR);
                    saga.decide(AccountId.of(event.accountId()), ctx, command.apply(ctx.now()));
                })));
    }

    @KafkaListener(id = "closure-summaries", idIsGroup = false, batch = "true",
            topics = {Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG},
            concurrency = "${closure.consumer-concurrency:4}")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
