package com.brandclosure.catalog.messaging;

import com.brandclosure.catalog.application.CatalogService;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies AccountDeactivated once per event id (refuses new catalogs afterwards); other closure events do not concern catalogs. */
@Component
public class ClosureEventsListener {

    static final String CONSUMER = "catalog-service";

    private final InboundEvents inbound;
    private final CatalogService catalogs;
    private final CommandContexts contexts;

    public ClosureEventsListener(InboundEvents inbound, CatalogService catalogs, CommandContexts contexts) {
        this.inbound = inbound;
        this.catalogs = catalogs;
        this.contexts = contexts;
    }

    @KafkaListener(topics = Topics.CLOSURE)
    void on(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, event -> {
            if (event.event() instanceof AccountDeactivated d) {
                catalogs.deactivate(AccountId.of(d.accountId()), d.closureDate(), contexts.causedBy(event, CONSUMER));
            }
        });
    }
}
