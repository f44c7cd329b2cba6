package com.brandclosure.platform.inbox;

import com.brandclosure.events.IntegrationEvent;
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

    /** Applies {@code handler} to each event in order, decoded as {@code type} (the one type subscribed). */
    static <E extends IntegrationEvent> AccountHandler each(Class<E> type, TypedHandler<E> handler) {
        return each((event, work) -> handler.apply(type.cast(event.event()), event));
    }

    /** The effect of one event. */
    @FunctionalInterface
    interface EventHandler {
        void apply(InboundEvent event, Work work);
    }

    /** The effect of one event of a known type: the decoded event and the record it came in (ids, metadata). */
    @FunctionalInterface
    interface TypedHandler<E extends IntegrationEvent> {
        void apply(E event, InboundEvent record);
    }
}
