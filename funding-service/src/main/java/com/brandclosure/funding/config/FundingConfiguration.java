package com.brandclosure.funding.config;

import com.brandclosure.funding.application.FundingService;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingEvent;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.timers.TimerHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class FundingConfiguration {

    /** Events under their simple names; the open-account state for snapshots (long streams). */
    @Bean
    EventTypes fundingEventTypes() {
        return EventTypes.create()
                .addSealed(FundingEvent.class)
                .add("FundingAccountSnapshot", FundingState.Active.class);
    }

    /**
     * Pays what is due (locked costs at their clearing time, fees on their due date) and
     * re-evaluates the fee window. Idempotent: paid items are gone from the account. The
     * service is looked up lazily because it needs DurableTimers, which the platform builds
     * from the handlers.
     */
    @Bean
    TimerHandler fundingDueTimer(ObjectProvider<FundingService> funding, CommandContexts contexts) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return FundingService.DUE_TIMER;
            }

            @Override
            public void fire(String timerId, String data) {
                try {
                    funding.getObject().executeInternal(AccountId.of(data), new FundingCommand.PayDue(),
                            contexts.forTimer(kind(), timerId));
                } catch (DomainException.Conflict | DomainException.NotFound e) {
                    // A closed (refunded) account has nothing left to pay; retrying would not change that.
                }
            }
        };
    }
}
