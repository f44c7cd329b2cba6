package com.brandclosure.funding.messaging;

import com.brandclosure.events.Topics;
import com.brandclosure.funding.application.FundingAccounts;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.kernel.AccountId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers the closure saga's state-report requests (consumer {@code funding-service:state-reports},
 * a consumer group of its own so that it sees every partition of the closure topic): the funding
 * account announces its current summary with {@code reportFor}, FundingSufficient with nothing owed
 * for a brand that never opened one.
 */
@Component
public class StateReportListener {

    private final InboundBatches.Subscription subscription;

    public StateReportListener(ClosureRequests closure, FundingAccounts accounts) {
        subscription = closure.stateReports("funding-service", (work, accountId, closureId, ctx) ->
                accounts.execute(AccountId.of(accountId), new FundingCommand.ReportState(closureId, ctx.now()), ctx));
    }

    @KafkaListener(id = "funding-state-reports", topics = Topics.CLOSURE, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }
}
