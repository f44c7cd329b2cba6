package com.brandclosure.contracts.messaging;

import com.brandclosure.contracts.application.AccountSettings;
import com.brandclosure.events.AccountLocaleDecided;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Adopts the time zone payouts-service decided for an account (consumer {@code contracts-service:payouts-events});
 * every other payouts event is skipped by its type header before it is decoded.
 */
@Component
public class PayoutsEventsListener {

    private static final String ACTOR = "contracts-service";

    private final InboundBatches.Subscription subscription;

    public PayoutsEventsListener(InboundBatches inbound, AccountSettings settings, CommandContexts contexts) {
        subscription = inbound.subscribe("payouts-events", List.of(AccountLocaleDecided.class),
                AccountHandler.each((event, work) -> {
                    var decided = (AccountLocaleDecided) event.event();
                    settings.adoptDecidedZone(decided.accountId(), decided.zone(), contexts.causedBy(event, ACTOR));
                }));
    }

    @KafkaListener(topics = Topics.PAYOUTS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
