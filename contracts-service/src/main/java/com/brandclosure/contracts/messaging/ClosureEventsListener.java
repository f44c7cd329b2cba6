package com.brandclosure.contracts.messaging;

import com.brandclosure.contracts.application.Deactivation;
import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.inbox.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Applies AccountDeactivated once per event id (consumer {@code contracts-service:closure-events}) and, at
 * AccountClosed, schedules the shredding of the account's data (platform.shredding);
 * every other closure event is skipped by its type header before it is decoded.
 */
@Component
public class ClosureEventsListener {

    private static final String ACTOR = "contracts-service";

    private final InboundBatches.Subscription subscription;

    public ClosureEventsListener(InboundBatches inbound, Deactivation deactivation, CommandContexts contexts,
                                 Shredding shredding) {
        subscription = inbound.subscribe("closure-events", List.of(AccountDeactivated.class, AccountClosed.class),
                shredding.afterClosureOr(AccountDeactivated.class, (d, event) -> {
            if (d.closureDate() == null) {
                // Without its date the fence would record no deactivation: dead-letter it instead.
                throw new MalformedMessageException("AccountDeactivated " + event.eventId() + " has no closureDate");
            }
            deactivation.apply(d.accountId(), d.closureDate(), contexts.causedBy(event, ACTOR));
        }));
    }

    @KafkaListener(topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
