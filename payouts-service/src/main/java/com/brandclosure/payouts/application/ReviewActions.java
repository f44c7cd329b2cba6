package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Batch review: approve, reverse, modify or restore one action or up to {@value #MAX_BATCH} at once,
 * each on its own (one refusal does not stop the others), in one unit of work: the action streams
 * are loaded in one go and every decided event is appended in one statement.
 */
@Service
public class ReviewActions {

    public static final int MAX_BATCH = 10_000;

    public enum Outcome { CHANGED, UNCHANGED, REFUSED, NOT_FOUND }

    /** The result for one action of a command; {@code error} is the refusal, if any. */
    public record ItemResult(String actionId, Outcome outcome, String state, DomainException error) {
        public String message() {
            return error == null ? null : error.getMessage();
        }
    }

    private final CommandRunner runner;
    private final AccountSummary summary;
    private final PayoutsStore db;

    public ReviewActions(CommandRunner runner, AccountSummary summary, PayoutsStore db) {
        this.runner = runner;
        this.summary = summary;
        this.db = db;
    }

    /**
     * Restores reversed actions to pending: only before their lock instant, not while the account is
     * closing (closure requested, not cancelled) and not once it was deactivated (both read under the
     * account's lock, so neither can slip in between).
     */
    public List<ItemResult> restore(Actor actor, AccountId account, List<String> actionIds, CommandContext ctx) {
        return apply(actor, account, actionIds, () -> {
            var row = db.account(account);
            return new ActionCommand.RestoreAction(ctx.now(), row.map(r -> Optional.ofNullable(r.closureDate()))
                    .orElse(Optional.empty()), row.map(r -> Optional.ofNullable(r.closureRequestedAt()))
                    .orElse(Optional.empty()));
        }, ctx);
    }

    /**
     * Applies {@code command} to each action. {@code actor} must have access to the account (404
     * otherwise, nothing changes).
     */
    public List<ItemResult> apply(Actor actor, AccountId account, List<String> actionIds, ActionCommand command,
                                  CommandContext ctx) {
        return apply(actor, account, actionIds, () -> command, ctx);
    }

    /** {@code command} is built inside the unit of work, holding the account's lock. */
    private List<ItemResult> apply(Actor actor, AccountId account, List<String> actionIds,
                                   Supplier<ActionCommand> commandInUnit, CommandContext ctx) {
        actor.requireAccess(account.value());
        if (actionIds.isEmpty() || actionIds.size() > MAX_BATCH) {
            throw new DomainException.BadRequest("a batch holds 1 to " + MAX_BATCH + " action ids, not "
                    + actionIds.size());
        }
        if (new HashSet<>(actionIds).size() != actionIds.size()) {
            throw new DomainException.BadRequest("a batch must not name an action twice");
        }
        return runner.inAccount(account.value(), work -> {
            ActionCommand command = commandInUnit.get();
            var streams = work.loadAll(account.value(),
                    actionIds.stream().map(id -> Action.streamId(account.value(), id)).toList(), Action.DECIDER);
            List<ItemResult> results = new ArrayList<>(actionIds.size());
            ChangedActions changes = new ChangedActions();
            for (String id : actionIds) {
                var stream = streams.get(Action.streamId(account.value(), id));
                if (stream.isNew()) {
                    results.add(new ItemResult(id, Outcome.NOT_FOUND, null,
                            new DomainException.NotFound("action " + id + " not found")));
                    continue;
                }
                try {
                    var events = stream.execute(command, ctx);
                    changes.record(events, stream.state());
                    results.add(new ItemResult(id, events.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED,
                            stream.state().name(), null));
                } catch (DomainException e) {
                    results.add(new ItemResult(id, Outcome.REFUSED, stream.state().name(), e));
                }
            }
            summary.settle(work, changes, ctx);
            return results;
        });
    }
}
