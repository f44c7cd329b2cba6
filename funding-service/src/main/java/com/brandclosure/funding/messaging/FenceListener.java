package com.brandclosure.funding.messaging;

import com.brandclosure.events.Topics;
import com.brandclosure.funding.application.Fencing;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * FinalReviewApproved fences the account (consumer {@code funding-service:closure-fence}, group
 * {@code funding-fence}). An approval without a closure date was published when the deactivation
 * followed in the same step: the saga waits for no fence then.
 */
@Component
public class FenceListener {

    private final InboundBatches.Subscription subscription;

    public FenceListener(ClosureRequests closure, Fencing fencing) {
        subscription = closure.fences(Fencing.SERVICE, Topics.FUNDING, fencing);
    }

    @KafkaListener(id = "funding-fence", topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
