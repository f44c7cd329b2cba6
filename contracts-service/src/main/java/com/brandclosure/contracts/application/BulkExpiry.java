package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ExpiryPolicy;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Bulk expiry: all the account's contracts (or those of some partners) expire at 23:59:59 of
 * {@code expireOn} in the account's time zone, in one unit of work whatever their number: the open
 * contracts' streams are loaded in two queries, every event is appended in one statement, the read
 * model is written in one or two, and future expiries share one durable timer per (account, instant),
 * not one per contract.
 */
@Service
public record BulkExpiry(Idempotency idempotency, ContractView contractView, AccountSummary summary) {

    private static final Logger log = LoggerFactory.getLogger(BulkExpiry.class);

    /** {@code partnerIds} null: every partner. */
    public record Request(List<String> partnerIds, LocalDate expireOn, boolean withdrawSwitches, String comment,
                          Boolean acknowledgeIrreversible) {
    }

    public record Result(Instant expiresAt, int expired, int scheduled, int switchesWithdrawn) {
    }

    /** The one call of {@code POST …/contract-expiries}: tenant check, then one unit of work. */
    public Idempotency.Answer expire(Actor actor, AccountId account, Request request,
                                     Idempotency.Replayable<Result> replayable, CommandContext ctx) {
        actor.requireAccess(account.value());
        return idempotency.run(account.value(), replayable, work -> expire(work, account.value(), request, ctx));
    }

    private Result expire(Work work, String accountId, Request request, CommandContext ctx) {
        long start = System.nanoTime();
        AccountState account = Streams.account(work, accountId).state();
        ContractAccount.requireKnown(account);
        ExpiryPolicy.requireAcknowledged(request.acknowledgeIrreversible());
        Instant expiresAt = ExpiryPolicy.expiresAt(request.expireOn(), account.zone(), ctx.now());
        var command = new ContractCommand.ExpireContract(expiresAt, request.comment(), request.withdrawSwitches(),
                ctx.now());
        int expired = 0;
        int scheduled = 0;
        int withdrawn = 0;
        var open = Streams.contracts(work, accountId, contractView.openStreams(accountId, request.partnerIds()));
        for (var contract : open) {
            for (ContractEvent e : contract.execute(command, ctx)) {
                switch (e) {
                    case ContractEvent.ContractExpired x -> expired++;
                    case ContractEvent.ContractExpiryScheduled x -> scheduled++;
                    case ContractEvent.SwitchWithdrawn x -> withdrawn++;
                    default -> { }
                }
            }
        }
        if (scheduled > 0) {
            work.schedule(ScheduledExpiry.KIND, ScheduledExpiry.timerId(accountId, expiresAt), expiresAt, accountId);
        }
        summary.reconcile(work, accountId, ctx);
        if (open.size() >= 1000) {
            log.info("bulk expiry of account {}: {} contracts decided, appended and projected in {} ms", accountId,
                    open.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return new Result(expiresAt, expired, scheduled, withdrawn);
    }
}
