package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps payouts-service's own view of contract activity, fed by contracts-service's events: it
 * decides whether a later conversion was within the terms of a contract, and when the account's last
 * contract ends (the summary's last lock date covers it). Runs inside the consumer's unit of work,
 * which holds the account's lock, so a conversion tracked meanwhile sees either the period before or
 * after the change.
 */
@Service
public class ContractTerms {

    private final PayoutsStore db;
    private final AccountSummary summary;

    public ContractTerms(PayoutsStore db, AccountSummary summary) {
        this.db = db;
        this.summary = summary;
    }

    /**
     * Records the contract's period and judges again the actions rejected OUTSIDE_OF_TERMS that it
     * covers: the ingest and contracts topics race, so a conversion may have been tracked before this
     * activation was consumed. Each action's stream decides (still before its lock instant, account not
     * deactivated); the summary follows.
     */
    public void activated(Work work, String accountId, String contractId, String partnerId, Instant at,
                          CommandContext ctx) {
        db.contractActivated(accountId, contractId, partnerId, at);
        var candidates = db.actionsOutsideOfTerms(accountId, partnerId, contractId, at, ctx.now());
        if (candidates.isEmpty()) {
            return;
        }
        var account = db.account(AccountId.of(accountId));
        var command = new ActionCommand.ReevaluateTerms(
                db.contractPeriods(List.of(accountId)).getOrDefault(accountId, List.of()), ctx.now(),
                account.map(r -> Optional.ofNullable(r.closureDate())).orElse(Optional.empty()));
        ChangedActions changes = new ChangedActions();
        changes.executeOnEach(work, accountId, candidates, command, ctx);
        summary.settle(work, changes, ctx);
    }

    /** An expiry is scheduled: the account's last contract may end later than known so far. */
    public void expiryScheduled(Work work, String accountId, String contractId, Instant expiresAt,
                                CommandContext ctx) {
        summary.contractEnds(work, accountId, contractId, expiresAt, ctx);
    }

    public void expired(Work work, String accountId, String contractId, String partnerId, Instant at,
                        CommandContext ctx) {
        db.contractExpired(accountId, contractId, partnerId, at);
        summary.contractEnds(work, accountId, contractId, at, ctx);
    }
}
