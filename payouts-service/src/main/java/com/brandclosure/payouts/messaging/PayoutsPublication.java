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
            // No consumer needs the re-evaluation itself: a pending action announces nothing (ActionTracked
            // was published), its later approval or reversal does, and the summary announces PayoutsPending.
            case ActionEvent.ActionReevaluated e -> List.of();
            case ActionEvent e -> List.of(IntegrationEvents.of(e, appended.<ActionState>state()));
            // Internal: the summary's memory of contract ends; what follows from it is a PayoutsSettled.
            case PayoutsSummary.ContractEndNoted e -> List.of();
            case PayoutsSummary.SummaryEvent e ->
                    List.of(IntegrationEvents.of(appended.accountId(), appended.version(), e));
            default -> List.of();
        };
    }
}
