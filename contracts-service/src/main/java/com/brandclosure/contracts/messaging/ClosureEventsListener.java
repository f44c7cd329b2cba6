package com.brandclosure.contracts.messaging;

import com.brandclosure.contracts.application.ContractsService;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies AccountDeactivated once per event id; every other closure event is of no concern here. */
@Component
public class ClosureEventsListener {

    static final String CONSUMER = "contracts-service";

    private final InboundEvents inbound;
    private final ContractsService contracts;
    private final CommandContexts contexts;

    public ClosureEventsListener(InboundEvents inbound, ContractsService contracts, CommandContexts contexts) {
        this.inbound = inbound;
        this.contracts = contracts;
        this.contexts = contexts;
    }

    @KafkaListener(topics = Topics.CLOSURE)
    void on(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, event -> {
            if (event.event() instanceof AccountDeactivated d) {
                contracts.deactivate(AccountId.of(d.accountId()), d.closureDate(), contexts.causedBy(event, CONSUMER));
            }
        });
    }
}
