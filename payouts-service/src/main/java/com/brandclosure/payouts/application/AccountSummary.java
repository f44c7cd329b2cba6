package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account-level barrier the closure saga waits for ({@code PayoutsSettled} / {@code PayoutsPending}):
 * after a unit of work changed actions, each touched account's summary stream is asked to compare
 * itself with the account's pending figures, and announces a crossing; a contract end announced by
 * contracts-service is noted in the stream, which may move the last lock date. Runs inside the caller's
 * unit of work, which holds the accounts' locks, so the counts are exact.
 */
@Service
public class AccountSummary {

    /**
     * An account without settings locks with the defaults. Its currency plays no part in lock dates:
     * XXX is ISO 4217's "no currency".
     */
    private static final LockingSettings NO_SETTINGS = LockingSettings.defaults(Currency.getInstance("XXX"));

    private final PayoutsStore db;

    public AccountSummary(PayoutsStore db) {
        this.db = db;
    }

    /** Sets the timers the changes call for and recounts the touched accounts' summaries. */
    void settle(Work work, ChangedActions changes, CommandContext ctx) {
        if (changes.isEmpty()) {
            return;
        }
        changes.scheduleTimers(work);
        var recounts = recounts(work, changes.accounts(), ctx.now());
        var summaries = summaries(work, changes.accounts());
        for (String account : changes.accounts()) {
            summaries.get(PayoutsSummary.streamId(account)).execute(recounts.get(account), ctx);
        }
    }

    /**
     * contracts-service announced that a contract of {@code accountId} ends (scheduled) or ended at
     * {@code endsAt}: the summary keeps it, and a later last lock date follows from it.
     */
    void contractEnds(Work work, String accountId, String contractId, Instant endsAt, CommandContext ctx) {
        var recount = recounts(work, List.of(accountId), ctx.now()).get(accountId);
        summaries(work, List.of(accountId)).get(PayoutsSummary.streamId(accountId))
                .execute(new PayoutsSummary.NoteContractEnd(contractId, endsAt, recount), ctx);
    }

    /**
     * The closure saga asked for a state report: the summary stream announces the account's current
     * figures with {@code closureId}, whether or not they crossed (a never-seen account: settled).
     */
    public void report(Work work, String accountId, String closureId, CommandContext ctx) {
        var recount = recounts(work, List.of(accountId), ctx.now()).get(accountId);
        summaries(work, List.of(accountId)).get(PayoutsSummary.streamId(accountId))
                .execute(new PayoutsSummary.Report(recount, closureId), ctx);
    }

    private Map<String, Stream<PayoutsSummary.SummaryCommand, PayoutsSummary.State, PayoutsSummary.SummaryEvent>>
    summaries(Work work, Collection<String> accounts) {
        Map<String, String> streams = new LinkedHashMap<>();
        accounts.forEach(a -> streams.put(PayoutsSummary.streamId(a), a));
        return work.loadAll(streams, id -> PayoutsSummary.DECIDER);
    }

    private Map<String, PayoutsSummary.Recount> recounts(Work work, Collection<String> accountIds, Instant now) {
        // The pending figures come from the actions read model: it must include this unit's changes.
        work.flush();
        var accounts = db.accounts(accountIds);
        var figures = db.pendingFigures(accountIds);
        Map<String, PayoutsSummary.Recount> recounts = new HashMap<>();
        for (String account : accountIds) {
            AccountRow row = accounts.get(account);
            LockingSettings settings = row == null || row.settings() == null ? NO_SETTINGS : row.settings();
            var f = figures.getOrDefault(account, new PayoutsStore.PendingFigures(0, null));
            recounts.put(account, new PayoutsSummary.Recount(f.pending(), f.lastLockDate(), settings, now,
                    f.pendingCostMinor(), f.lastClearingAt()));
        }
        return recounts;
    }
}
