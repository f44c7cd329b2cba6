package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.domain.ContractPeriod;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingest: records tracked conversions, a whole batch (one poll of the ingest topic, or one HTTP call)
 * in one unit of work: the action streams are loaded in one go, every decided event is appended in
 * one statement. The action id is the idempotency key: a conversion whose action stream already
 * exists (or that came earlier in the batch) decides nothing.
 */
@Service
public class TrackConversions {

    private final CommandRunner runner;
    private final PayoutsStore db;
    private final AccountSummary summary;

    public TrackConversions(CommandRunner runner, PayoutsStore db, AccountSummary summary) {
        this.runner = runner;
        this.db = db;
        this.summary = summary;
    }

    /** Tracks one conversion for {@code actor} (an API caller); a refusal is thrown. */
    public void trackOne(Actor actor, Conversion conversion, CommandContext ctx) {
        actor.requireAccess(conversion.accountId().value());
        var refused = track(List.of(conversion), ctx);
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
    }

    /**
     * Records conversions; returns the refusals by index in {@code conversions}, the others are
     * recorded. Joins the running unit of work (a consumer's poll) if there is one.
     */
    public Map<Integer, DomainException> track(List<Conversion> conversions, CommandContext ctx) {
        if (conversions.isEmpty()) {
            return Map.of();
        }
        Set<String> accountIds = new TreeSet<>();
        conversions.forEach(c -> accountIds.add(c.accountId().value()));
        return runner.inAccounts(accountIds, work -> record(work, conversions, accountIds, ctx));
    }

    private Map<Integer, DomainException> record(Work work, List<Conversion> conversions, Set<String> accountIds,
                                                 CommandContext ctx) {
        // A conversion does not fix the account's currency: only its first settings decide it. Until then
        // each conversion is tracked in its own currency with the default periods.
        db.ensureAccounts(accountIds);
        Map<String, AccountRow> accounts = db.accounts(accountIds);
        Map<String, List<ContractPeriod>> contracts = db.contractPeriods(accountIds);
        Map<String, String> streamAccounts = new LinkedHashMap<>();
        for (Conversion c : conversions) {
            streamAccounts.put(Action.streamId(c.accountId().value(), c.actionId()), c.accountId().value());
        }
        var streams = work.loadAll(streamAccounts, id -> Action.DECIDER);

        Map<Integer, DomainException> refused = new HashMap<>();
        ChangedActions changes = new ChangedActions();
        for (int i = 0; i < conversions.size(); i++) {
            Conversion c = conversions.get(i);
            AccountRow account = accounts.get(c.accountId().value());
            var command = new ActionCommand.TrackAction(c.accountId(), c.actionId(), c.partnerId(), c.contractId(),
                    c.eventAt(), c.reportedAt(), c.cost(),
                    account.settings() != null ? account.settings() : LockingSettings.defaults(c.cost().currency()),
                    contracts.getOrDefault(c.accountId().value(), List.of()),
                    Optional.ofNullable(account.closureDate()));
            var stream = streams.get(Action.streamId(c.accountId().value(), c.actionId()));
            try {
                // A refusal stages nothing, so a later conversion with the same action id is tried afresh.
                changes.record(stream.execute(command, c.ctx() == null ? ctx : c.ctx()), stream.state());
            } catch (DomainException e) {
                refused.put(i, e);
            }
        }
        summary.settle(work, changes, ctx);
        return refused;
    }
}
