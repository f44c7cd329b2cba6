package com.brandclosure.payouts.messaging;

import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractExpired;
import com.brandclosure.events.ContractExpiryScheduled;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.ContractTerms;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Contract activity per partner, to judge whether an action was within the terms of a contract (and
 * to judge again the actions a late-consumed activation covers), and the contract ends the summary's
 * last lock date must cover (scheduled expiries and expiries).
 */
@Component
public class ContractEventsListener {

    static final String ACTOR = "payouts-service";

    private final InboundBatches.Subscription subscription;

    public ContractEventsListener(InboundBatches inbound, ContractTerms terms, CommandContexts contexts) {
        subscription = inbound.subscribe("contracts-events",
                List.of(ContractActivated.class, ContractExpiryScheduled.class, ContractExpired.class),
                AccountHandler.each((event, work) -> {
                    var ctx = contexts.causedBy(event, ACTOR);
                    switch (event.event()) {
                        case ContractActivated a -> terms.activated(work, a.accountId(), a.contractId(),
                                a.partnerId(), a.activatedAt(), ctx);
                        case ContractExpiryScheduled s -> terms.expiryScheduled(work, s.accountId(), s.contractId(),
                                s.expiresAt(), ctx);
                        case ContractExpired x -> terms.expired(work, x.accountId(), x.contractId(), x.partnerId(),
                                x.expiredAt(), ctx);
                        default -> throw new IllegalStateException("not subscribed: " + event.envelope().type());
                    }
                }));
    }

    // The listener id is the consumer group (kept from before, so committed offsets carry over).
    @KafkaListener(id = "payouts-contracts", topics = Topics.CONTRACTS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
