package com.brandclosure.contracts.config;

import com.brandclosure.contracts.application.ContractsService;
import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.contracts.domain.LinkState;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.timers.TimerHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stored event types of this service and its timer handler. */
@Configuration
public class ContractsConfig {

    /** Stored Idempotency-Key answers are purged by the platform's retention job after a day. */
    @Bean
    com.brandclosure.platform.retention.RetentionPolicy idempotencyKeysRetention() {
        return new com.brandclosure.platform.retention.RetentionPolicy("idempotency_keys", "created_at",
                java.time.Duration.ofDays(1));
    }

    @Bean
    EventTypes contractsEventTypes() {
        return EventTypes.create()
                .addSealed(ContractEvent.class)
                .addSealed(AccountEvent.class)
                .addSealed(LinkEvent.class)
                .add("ContractsAccountState", AccountState.class)
                .add("TrackingLinkState", LinkState.class);
    }

    /**
     * One timer per (account, expiry instant); its data is the account id. Firing expires every
     * contract of the account that is due, so a timer that fires twice, late, or after its
     * contracts were already expired by deactivation does nothing more.
     */
    @Bean
    TimerHandler contractExpiryTimer(ObjectProvider<ContractsService> contracts, CommandContexts contexts) {
        // ObjectProvider breaks a cycle: ContractsService -> DurableTimers -> Scheduler -> every
        // TimerHandler (the platform builds the scheduler's tasks from the handler beans).
        return new TimerHandler() {
            @Override
            public String kind() {
                return ContractsService.EXPIRY_TIMER;
            }

            @Override
            public void fire(String timerId, String data) {
                contracts.getObject().fireScheduledExpiries(AccountId.of(data), contexts.forTimer(kind(), timerId));
            }
        };
    }
}
