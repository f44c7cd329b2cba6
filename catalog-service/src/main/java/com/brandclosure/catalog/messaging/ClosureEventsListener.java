package com.brandclosure.catalog.messaging;

import com.brandclosure.catalog.application.CatalogCommands;
import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Applies AccountDeactivated (refuses new catalogs afterwards) and, at AccountClosed, schedules the shredding of
 * the account's data (platform.shredding); other closure events do not concern catalogs.
 */
@Component
public class ClosureEventsListener {

    static final String ACTOR = "catalog-service";

    private final InboundBatches.Subscription subscription;

    public ClosureEventsListener(InboundBatches inbound, CatalogCommands commands, CommandContexts contexts,
                                 Shredding shredding) {
        subscription = inbound.subscribe("closure-events", List.of(AccountDeactivated.class, AccountClosed.class),
                shredding.afterClosureOr(AccountDeactivated.class, (deactivated, event) ->
                commands.deactivate(AccountId.of(deactivated.accountId()), deactivated.closureDate(),
                        contexts.causedBy(event, ACTOR))));
    }

    @KafkaListener(topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
