package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerIds;
import com.brandclosure.platform.timers.TimerKind;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The durable timer of scheduled expiries: one per (account, expiry instant), id
 * {@code <accountId>|<epoch second>}, data the account id. Firing expires every contract of the
 * account that is due, so a timer that fires twice, late, or after its contracts were already
 * expired by deactivation does nothing more. The account is read from the data, which has always
 * named it, so timers set before the {@link TimerIds} format still fire correctly.
 */
@Component
@TimerKind(ScheduledExpiry.KIND)
public record ScheduledExpiry(CommandRunner runner, ContractView contractView, AccountSummary summary, CommandContexts contexts) implements TimerHandler {

    public static final String KIND = "contract-expiry";

    static String timerId(String accountId, Instant expiresAt) {
        return TimerIds.of(accountId, Long.toString(expiresAt.getEpochSecond()));
    }

    @Override
    public void fire(String timerId, String data) {
        expireDue(data, contexts.forTimer(KIND, timerId));
    }

    /** Expires every contract of the account whose scheduled expiry is due; returns how many. Idempotent. */
    public int expireDue(String accountId, CommandContext ctx) {
        var command = new ContractCommand.FireScheduledExpiry(ctx.now());
        return runner.inAccount(accountId, work -> {
            int expired = 0;
            for (var contract : Streams.contracts(work, accountId, contractView.dueStreams(accountId, ctx.now()))) {
                expired += contract.execute(command, ctx).size();
            }
            summary.reconcile(work, accountId, ctx);
            return expired;
        });
    }
}
