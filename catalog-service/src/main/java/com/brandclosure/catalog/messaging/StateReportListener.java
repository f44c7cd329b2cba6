package com.brandclosure.catalog.messaging;

import com.brandclosure.catalog.application.StateReport;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.inbox.InboundBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers the closure saga's state-report requests (consumer {@code catalog-service:state-reports},
 * a consumer group of its own so that it sees every partition of the closure topic).
 */
@Component
public class StateReportListener {

    private final InboundBatches.Subscription subscription;

    public StateReportListener(ClosureRequests closure, StateReport report) {
        subscription = closure.stateReports(ClosureEventsListener.ACTOR, report);
    }

    @KafkaListener(id = "catalog-state-reports", topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
