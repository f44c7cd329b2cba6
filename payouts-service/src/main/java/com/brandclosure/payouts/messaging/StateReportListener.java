package com.brandclosure.payouts.messaging;

import com.brandclosure.events.Topics;
import com.brandclosure.payouts.application.AccountSummary;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers the closure saga's state-report requests (consumer {@code payouts-service:state-reports},
 * a consumer group of its own so that it sees every partition of the closure topic): the summary stream
 * announces PayoutsSettled / PayoutsPending from the current figures with {@code reportFor}, also when it
 * did not cross and for an account never seen (no actions: settled, lock date from the known contract ends).
 */
@Component
public class StateReportListener {

    private final InboundBatches.Subscription subscription;

    public StateReportListener(ClosureRequests closure, AccountSummary summary) {
        subscription = closure.stateReports("payouts-service", summary::report);
    }

    @KafkaListener(id = "payouts-state-reports", topics = Topics.CLOSURE, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
