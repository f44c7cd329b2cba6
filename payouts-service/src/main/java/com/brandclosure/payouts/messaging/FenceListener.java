package com.brandclosure.payouts.messaging;

import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.Fencing;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * FinalReviewApproved fences the account (consumer {@code payouts-service:closure-fence}, group
 * {@code payouts-fence}). An approval without a closure date was published when the deactivation
 * followed in the same step: its AccountDeactivated fences the account.
 */
@Component
public class FenceListener {

    private final InboundBatches.Subscription subscription;

    public FenceListener(ClosureRequests closure, Fencing fencing) {
        subscription = closure.fences(Fencing.SERVICE, Topics.PAYOUTS, fencing);
    }

    @KafkaListener(id = "payouts-fence", topics = Topics.CLOSURE, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
