package com.brandclosure.funding.messaging;

import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.application.FundingAccounts;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Records closure-orchestrator's deactivation on the brand's funding account (the refund waits for it) and, at
 * AccountClosed, schedules the shredding of the account's data (platform.shredding).
 */
@Component
public class ClosureEventsListener {

    private final InboundBatches.Subscription subscription;

    public ClosureEventsListener(InboundBatches inbound, FundingAccounts accounts, CommandContexts contexts,
                                 Shredding shredding) {
        subscription = inbound.subscribe("closure-events", List.of(AccountDeactivated.class, AccountClosed.class),
                shredding.afterClosureOr(AccountDeactivated.class, (deactivated, event) -> {
            var ctx = contexts.causedBy(event, "funding-service");
            accounts.executeEach(AccountId.of(deactivated.accountId()),
                    List.of(new FundingCommand.RecordDeactivation(deactivated.closureDate(), ctx.now())), ctx);
        }));
    }

    /** The listener id is the consumer group funding-service has always used for this topic. */
    @KafkaListener(id = "funding-closure", topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
