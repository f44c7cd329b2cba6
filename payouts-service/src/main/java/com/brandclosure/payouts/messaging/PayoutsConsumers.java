package com.brandclosure.payouts.messaging;

import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractExpired;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.ActionService;
import com.brandclosure.payouts.application.ContractTerms;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The other services' events payouts-service follows, each applied once (platform inbox). */
@Component
public class PayoutsConsumers {

    private final InboundEvents inbound;
    private final ActionService actions;
    private final ContractTerms terms;
    private final CommandContexts contexts;

    public PayoutsConsumers(InboundEvents inbound, ActionService actions, ContractTerms terms,
                            CommandContexts contexts) {
        this.inbound = inbound;
        this.actions = actions;
        this.terms = terms;
        this.contexts = contexts;
    }

    /** Contract activity per partner, to judge whether an action was within the terms of a contract. */
    @KafkaListener(id = "payouts-contracts", topics = Topics.CONTRACTS)
    public void onContracts(ConsumerRecord<String, String> record) {
        inbound.handle("payouts-contracts", record, e -> {
            switch (e.event()) {
                case ContractActivated a -> terms.activated(a.accountId(), a.contractId(), a.partnerId(), a.activatedAt());
                case ContractExpired x -> terms.expired(x.accountId(), x.contractId(), x.partnerId(), x.expiredAt());
                default -> { }
            }
        });
    }

    @KafkaListener(id = "payouts-closure", topics = Topics.CLOSURE)
    public void onClosure(ConsumerRecord<String, String> record) {
        inbound.handle("payouts-closure", record, e -> {
            if (e.event() instanceof AccountDeactivated d) {
                actions.deactivate(AccountId.of(d.accountId()), d.closureDate(),
                        contexts.causedBy(e, "payouts-service"));
            }
        });
    }
}
