package com.brandclosure.platform.inbox;

import com.brandclosure.platform.command.Work;

import java.util.List;

/**
 * The effect of a subscription for one account and one poll: the account's new events (already
 * deduplicated, in record order), applied inside the poll's unit of work, which holds the account's
 * lock. Use {@link #each} when the events are independent.
 */
@FunctionalInterface
public interface AccountHandler {

    void apply(String accountId, List<InboundEvent> events, Work work);

    /** Applies {@code handler} to each event in order. */
    static AccountHandler each(EventHandler handler) {
        return (account, events, work) -> {
            for (InboundEvent e : events) {
                handler.apply(e, work);
            }
        };
    }

    /** The effect of one event. */
    @FunctionalInterface
    interface EventHandler {
        void apply(InboundEvent event, Work work);
    }
}
