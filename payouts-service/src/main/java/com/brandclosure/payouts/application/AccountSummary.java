package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account-level barrier the closure saga waits for ({@code PayoutsSettled} / {@code PayoutsPending}):
 * after a unit of work changed actions, each touched account's summary stream is asked to compare
 * itself with the account's pending figures, and announces a crossing. Runs inside the caller's unit
 * of work, which holds the accounts' locks, so the counts are exact.
 */
@Service
public class AccountSummary {

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
        // The pending figures come from the actions read model: it must include this unit's changes.
        work.flush();
        var accounts = db.accounts(changes.accounts());
        var figures = db.pendingFigures(changes.accounts());
        Map<String, String> streams = new LinkedHashMap<>();
        changes.accounts().forEach(a -> streams.put(PayoutsSummary.streamId(a), a));
        Map<String, Stream<PayoutsSummary.Recount, PayoutsSummary.State, PayoutsSummary.SummaryEvent>> summaries =
                work.loadAll(streams, id -> PayoutsSummary.DECIDER);
        for (String account : changes.accounts()) {
            AccountRow row = accounts.get(account);
            ZoneId zone = row == null || row.settings() == null ? ZoneId.of("UTC") : row.settings().zone();
            var f = figures.getOrDefault(account, new PayoutsStore.PendingFigures(0, null));
            summaries.get(PayoutsSummary.streamId(account))
                    .execute(new PayoutsSummary.Recount(f.pending(), f.lastLockDate(), zone, ctx.now()), ctx);
        }
    }
}
