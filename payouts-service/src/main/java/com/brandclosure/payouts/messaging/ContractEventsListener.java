package com.brandclosure.payouts.messaging;

import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractExpired;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.ContractTerms;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Contract activity per partner, to judge whether an action was within the terms of a contract. */
@Component
public class ContractEventsListener {

    private final InboundBatches.Subscription subscription;

    public ContractEventsListener(InboundBatches inbound, ContractTerms terms) {
        subscription = inbound.subscribe("contracts-events", List.of(ContractActivated.class, ContractExpired.class),
                AccountHandler.each((event, work) -> {
                    switch (event.event()) {
                        case ContractActivated a ->
                                terms.activated(a.accountId(), a.contractId(), a.partnerId(), a.activatedAt());
                        case ContractExpired x ->
                                terms.expired(x.accountId(), x.contractId(), x.partnerId(), x.expiredAt());
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
