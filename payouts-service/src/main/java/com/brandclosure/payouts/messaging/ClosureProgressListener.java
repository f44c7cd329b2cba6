package com.brandclosure.payouts.messaging;

import com.brandclosure.events.ClosureCancelled;
import com.brandclosure.events.ClosureRequested;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.ClosureProgress;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * ClosureRequested marks the account closing (restores refused), ClosureCancelled lifts it (consumer
 * {@code payouts-service:closure-progress}, group {@code payouts-closure-progress}). Both come in the
 * saga's order on the account's partition of closure.events.
 */
@Component
public class ClosureProgressListener {

    private final InboundBatches.Subscription subscription;

    public ClosureProgressListener(InboundBatches inbound, ClosureProgress progress) {
        subscription = inbound.subscribe("closure-progress", List.of(ClosureRequested.class, ClosureCancelled.class),
                AccountHandler.each((event, work) -> {
                    AccountId account = AccountId.of(event.accountId());
                    switch (event.event()) {
                        case ClosureRequested r -> progress.requested(account,
                                r.requestedAt() != null ? r.requestedAt() : event.envelope().occurredAt());
                        case ClosureCancelled c -> progress.cancelled(account);
                        default -> { }
                    }
                }));
    }

    @KafkaListener(id = "payouts-closure-progress", topics = Topics.CLOSURE, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
