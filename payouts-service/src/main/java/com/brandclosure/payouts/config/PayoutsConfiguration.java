package com.brandclosure.payouts.config;

import com.brandclosure.payouts.application.ActionService;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.timers.TimerHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PayoutsConfiguration {

    /** Stored under the records' simple names: ActionTracked, ..., PayoutsSettled, PayoutsPending. */
    @Bean
    EventTypes payoutsEventTypes() {
        return EventTypes.create()
                .addSealed(ActionEvent.class)
                .addSealed(PayoutsSummary.SummaryEvent.class);
    }

    /*
     * The handlers reach ActionService lazily: ActionService needs DurableTimers, which the
     * platform builds from the handlers, so a direct dependency would be a cycle.
     */

    /**
     * One lock timer per account and lock date (not per action): 200 actions approved for the
     * same day cost one timer, and the handler locks them in one batch. Idempotent: it only
     * touches actions still approved.
     */
    @Bean
    TimerHandler lockTimer(ObjectProvider<ActionService> actions, CommandContexts contexts) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return ActionService.LOCK_TIMER;
            }

            @Override
            public void fire(String timerId, String data) {
                var target = ActionService.parseTimerId(data);
                actions.getObject().lockDue(target.getKey(), target.getValue(), contexts.forTimer(kind(), timerId));
            }
        };
    }

    @Bean
    TimerHandler clearingTimer(ObjectProvider<ActionService> actions, CommandContexts contexts) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return ActionService.CLEAR_TIMER;
            }

            @Override
            public void fire(String timerId, String data) {
                var target = ActionService.parseTimerId(data);
                actions.getObject().clearDue(target.getKey(), target.getValue(), contexts.forTimer(kind(), timerId));
            }
        };
    }
}
