package com.brandclosure.payouts.messaging;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Publication;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every stored action and summary event is announced on {@code payouts.events}, in the transaction
 * that appends it, under the stored event's id.
 */
@Component
public class PayoutsPublication implements Publication {

    @Override
    public String topic() {
        return Topics.PAYOUTS;
    }

    @Override
    public List<IntegrationEvent> announce(Appended appended) {
        return switch (appended.event()) {
            case ActionEvent e -> List.of(IntegrationEvents.of(e, appended.<ActionState>state()));
            case PayoutsSummary.SummaryEvent e -> List.of(IntegrationEvents.of(appended.accountId(), e));
            default -> List.of();
        };
    }
}
