package com.brandclosure.payouts.messaging;

import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.platform.command.Appended;

import java.util.List;

/**
 * Every stored action and summary event is announced on {@code payouts.events}, in the transaction
 * that appends it, under the stored event's id.
 */
public final class PayoutsPublication {

    private PayoutsPublication() {
    }

    /** The integration events that announce {@code appended} (none for what stays internal). */
    public static List<IntegrationEvent> announce(Appended appended) {
        return switch (appended.event()) {
            case ActionEvent e -> List.of(IntegrationEvents.of(e, appended.<ActionState>state()));
            case PayoutsSummary.SummaryEvent e ->
                    List.of(IntegrationEvents.of(appended.accountId(), appended.version(), e));
            default -> List.of();
        };
    }
}
