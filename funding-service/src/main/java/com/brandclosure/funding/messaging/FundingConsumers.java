package com.brandclosure.funding.messaging;

import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.application.FundingService;
import com.brandclosure.funding.application.PayoutsFollower;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.InboundEvents;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

@Component
public class FundingConsumers {

    private final InboundEvents inbound;
    private final PayoutsFollower follower;
    private final FundingService funding;
    private final CommandContexts contexts;

    public FundingConsumers(InboundEvents inbound, PayoutsFollower follower, FundingService funding,
                            CommandContexts contexts) {
        this.inbound = inbound;
        this.follower = follower;
        this.funding = funding;
        this.contexts = contexts;
    }

    /**
     * payouts-service's events in batches. A malformed record: the ones before it are applied,
     * then the error handler dead-letters it and consumption goes on after it.
     */
    @KafkaListener(id = "funding-payouts", topics = Topics.PAYOUTS, batch = "true")
    public void onPayouts(List<ConsumerRecord<String, String>> records) {
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(inbound.decode(records.get(i)));
            } catch (MalformedMessageException e) {
                follower.follow(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        follower.follow(events);
    }

    @KafkaListener(id = "funding-closure", topics = Topics.CLOSURE)
    public void onClosure(ConsumerRecord<String, String> record) {
        inbound.handle("funding-closure", record, e -> {
            if (e.event() instanceof AccountDeactivated d) {
                AccountId account = AccountId.of(d.accountId());
                funding.lockAccounts(List.of(account.value()));
                if (!(funding.load(account).state() instanceof FundingState.Unopened)) {
                    funding.applyConsumed(account, List.of(new FundingCommand.RecordDeactivation(d.closureDate())),
                            contexts.causedBy(e, "funding-service"));
                }
            }
        });
    }
}
