package com.brandclosure.payouts.messaging;

import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.Deactivation;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Account deactivations from the closure saga: reject the actions dated on or after the closure date; at
 * AccountClosed, schedule the shredding of the account's data (platform.shredding).
 */
@Component
public class ClosureEventsListener {

    private final InboundBatches.Subscription subscription;

    public ClosureEventsListener(InboundBatches inbound, Deactivation deactivation, CommandContexts contexts,
                                 Shredding shredding) {
        subscription = inbound.subscribe("closure-events", List.of(AccountDeactivated.class, AccountClosed.class),
                shredding.afterClosureOr(AccountDeactivated.class, (deactivated, event) ->
                deactivation.deactivate(AccountId.of(deactivated.accountId()), deactivated.closureDate(),
                        contexts.causedBy(event, "payouts-service"))));
    }

    // The listener id is the consumer group (kept from before, so committed offsets carry over).
    @KafkaListener(id = "payouts-closure", topics = Topics.CLOSURE, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
