package com.brandclosure.payouts.application;

import com.brandclosure.events.Topics;
import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.ContractPeriod;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.payouts.messaging.IntegrationEvents;
import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.payouts.persistence.StoredAction;
import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.timers.DurableTimers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The use cases of payouts-service: load -> decide -> append + publish, in one transaction,
 * batched. Every transaction first takes the locks of the accounts it touches
 * ({@link AccountLocks}): that serializes changes per account, so the summary counts are exact
 * and one account's events reach Kafka in the order they were committed.
 * <p>
 * Calls from the web name their {@link Actor}: the tenant check ({@link Actor#requireAccess})
 * is made here, before anything is read or written, so a brand admin of another account gets
 * 404 whatever the entry point. Calls from Kafka and timers are internal and take no actor.
 */
@Service
public class ActionService {

    public static final String LOCK_TIMER = "payouts-lock";
    public static final String CLEAR_TIMER = "payouts-clear";
    public static final int MAX_BATCH = 10_000;

    public enum Outcome { CHANGED, UNCHANGED, REFUSED, NOT_FOUND }

    /** The result for one action of a command; {@code error} is the refusal, if any. */
    public record ItemResult(String actionId, Outcome outcome, String state, DomainException error) {
        public String message() {
            return error == null ? null : error.getMessage();
        }
    }

    /** A tracked conversion to record; {@code ctx} is the context of the message that brought it (null: the batch's). */
    public record Conversion(AccountId accountId, String actionId, String partnerId, String contractId,
                             Instant eventAt, Instant reportedAt, Money cost, CommandContext ctx) {
    }

    private final EventStore store;
    private final Outbox outbox;
    private final PayoutsStore db;
    private final TransactionTemplate tx;
    private final DurableTimers timers;
    private final AccountLocks locks;

    public ActionService(EventStore store, Outbox outbox, PayoutsStore db, TransactionTemplate tx, DurableTimers timers,
                         AccountLocks locks) {
        this.locks = locks;
        this.store = store;
        this.outbox = outbox;
        this.db = db;
        this.tx = tx;
        this.timers = timers;
    }

    public static String streamId(String accountId, String actionId) {
        return "action:" + accountId + ":" + actionId;
    }

    public static String summaryStreamId(String accountId) {
        return "payouts-summary:" + accountId;
    }

    // ------------------------------------------------------------------ ingest

    /** Tracks one conversion for {@code actor} (an API caller); a refusal is thrown. */
    public void trackOne(Actor actor, Conversion conversion, CommandContext ctx) {
        actor.requireAccess(conversion.accountId().value());
        var refused = track(List.of(conversion), ctx);
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
    }

    /**
     * Records conversions; an action id already known is a duplicate and is skipped. Returns the
     * refusals by index in {@code conversions}; the others are committed.
     */
    public Map<Integer, DomainException> track(List<Conversion> conversions, CommandContext ctx) {
        return Transactions.retrying(tx, () -> trackInTransaction(conversions, ctx));
    }

    private Map<Integer, DomainException> trackInTransaction(List<Conversion> conversions, CommandContext ctx) {
        Map<Integer, DomainException> refused = new HashMap<>();
        if (conversions.isEmpty()) {
            return refused;
        }
        Map<String, Currency> firstCurrency = new TreeMap<>();
        conversions.forEach(c -> firstCurrency.putIfAbsent(c.accountId().value(), c.cost().currency()));
        locks.lockAll(firstCurrency.keySet());
        db.ensureAccounts(firstCurrency);
        Map<String, AccountRow> accounts = db.accounts(firstCurrency.keySet());
        Map<String, List<ContractPeriod>> contracts = db.contractPeriods(firstCurrency.keySet());
        var existing = db.existingActions(conversions.stream().map(c -> c.accountId().value()).toList(),
                conversions.stream().map(Conversion::actionId).toList());

        List<Change> changes = new ArrayList<>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < conversions.size(); i++) {
            Conversion c = conversions.get(i);
            String key = c.accountId().value() + "/" + c.actionId();
            if (existing.contains(key) || !seen.add(key)) {
                continue;
            }
            AccountRow account = accounts.get(c.accountId().value());
            var command = new ActionCommand.TrackAction(c.accountId(), c.actionId(), c.partnerId(), c.contractId(),
                    c.eventAt(), c.reportedAt(), c.cost(), account.settings(),
                    contracts.getOrDefault(c.accountId().value(), List.of()),
                    Optional.ofNullable(account.closureDate()));
            try {
                var events = Action.decide(command, Action.initial());
                changes.add(new Change(new StoredAction(Action.initial(), 0), events, c.ctx() == null ? ctx : c.ctx()));
            } catch (DomainException e) {
                seen.remove(key);
                refused.put(i, e);
            }
        }
        commit(accounts, changes, ctx);
        return refused;
    }

    // ------------------------------------------------------------------ commands on actions

    /**
     * Applies {@code command} to each action, each on its own: one refusal does not stop the
     * others. {@code actor} must have access to the account (404 otherwise, nothing changes).
     */
    public List<ItemResult> apply(Actor actor, AccountId account, List<String> actionIds, ActionCommand command,
                                  CommandContext ctx) {
        actor.requireAccess(account.value());
        if (actionIds.isEmpty() || actionIds.size() > MAX_BATCH) {
            throw new DomainException.BadRequest("a batch holds 1 to " + MAX_BATCH + " action ids, not "
                    + actionIds.size());
        }
        if (new java.util.HashSet<>(actionIds).size() != actionIds.size()) {
            throw new DomainException.BadRequest("a batch must not name an action twice");
        }
        return Transactions.retrying(tx, () -> {
            locks.lock(account.value());
            Map<String, AccountRow> accounts = db.accounts(List.of(account.value()));
            Map<String, StoredAction> stored = db.actions(account.value(), actionIds);
            List<ItemResult> results = new ArrayList<>(actionIds.size());
            List<Change> changes = new ArrayList<>();
            for (String id : actionIds) {
                StoredAction a = stored.get(id);
                if (a == null) {
                    results.add(new ItemResult(id, Outcome.NOT_FOUND, null,
                            new DomainException.NotFound("action " + id + " not found")));
                    continue;
                }
                try {
                    var events = Action.decide(command, a.state());
                    if (events.isEmpty()) {
                        results.add(new ItemResult(id, Outcome.UNCHANGED, a.state().name(), null));
                    } else {
                        changes.add(new Change(a, events, ctx));
                        ActionState after = a.state();
                        for (ActionEvent e : events) {
                            after = Action.evolve(after, e);
                        }
                        results.add(new ItemResult(id, Outcome.CHANGED, after.name(), null));
                    }
                } catch (DomainException e) {
                    results.add(new ItemResult(id, Outcome.REFUSED, a.state().name(), e));
                }
            }
            commit(accounts, changes, ctx);
            return results;
        });
    }

    /** Lock timer: locks the account's approved actions whose lock date is on or before {@code date}. */
    public int lockDue(AccountId account, LocalDate date, CommandContext ctx) {
        return onDue(account, "APPROVED", "lock_date", date, new ActionCommand.LockAction(date), ctx);
    }

    /** Clearing timer: clears the account's locked actions whose clearing date is on or before {@code date}. */
    public int clearDue(AccountId account, LocalDate date, CommandContext ctx) {
        return onDue(account, "LOCKED", "clearing_date", date, new ActionCommand.ClearAction(date), ctx);
    }

    private int onDue(AccountId account, String state, String column, LocalDate date, ActionCommand command,
                      CommandContext ctx) {
        return Transactions.retrying(tx, () -> {
            locks.lock(account.value());
            Map<String, AccountRow> accounts = db.accounts(List.of(account.value()));
            List<Change> changes = new ArrayList<>();
            for (StoredAction a : db.actionsInState(account.value(), state, column, "<=", date)) {
                var events = Action.decide(command, a.state());
                if (!events.isEmpty()) {
                    changes.add(new Change(a, events, ctx));
                }
            }
            commit(accounts, changes, ctx);
            return changes.size();
        });
    }

    /**
     * The account was deactivated: remember the closure date (so late arrivals are rejected
     * too) and reject every action dated on or after it that is not locked yet.
     */
    public int deactivate(AccountId account, LocalDate closureDate, CommandContext ctx) {
        // Runs inside the inbox's transaction, which has only read so far: the lock still comes first.
        locks.lock(account.value());
        db.saveClosureDate(account, closureDate);
        Map<String, AccountRow> accounts = db.accounts(List.of(account.value()));
        LocalDate effective = accounts.get(account.value()).closureDate();
        var command = new ActionCommand.RejectForClosure(effective);
        List<Change> changes = new ArrayList<>();
        for (StoredAction a : db.actionsInState(account.value(), "PENDING,APPROVED,REVERSED", "event_date", ">=",
                effective)) {
            var events = Action.decide(command, a.state());
            if (!events.isEmpty()) {
                changes.add(new Change(a, events, ctx));
            }
        }
        commit(accounts, changes, ctx);
        return changes.size();
    }

    // ------------------------------------------------------------------ commit

    private record Change(StoredAction before, List<ActionEvent> events, CommandContext ctx) {
    }

    private void commit(Map<String, AccountRow> accounts, List<Change> changes, CommandContext ctx) {
        List<StoredAction> saved = new ArrayList<>(changes.size());
        List<Outbox.Message> messages = new ArrayList<>(changes.size() * 2);
        Map<String, Instant> lockTimers = new TreeMap<>();
        Map<String, Instant> clearTimers = new TreeMap<>();
        var touched = new TreeSet<String>();
        for (Change change : changes) {
            ActionState state = change.before().state();
            List<NewEvent> newEvents = new ArrayList<>(change.events().size());
            for (ActionEvent e : change.events()) {
                state = Action.evolve(state, e);
                EventMetadata md = change.ctx().nextMetadata();
                newEvents.add(new NewEvent(e, md));
                messages.add(new Outbox.Message(Topics.PAYOUTS, IntegrationEvents.of(e, state), md));
                var d = ((ActionState.Tracked) state).details();
                if (e instanceof ActionEvent.ActionApproved) {
                    lockTimers.merge(timerId(d.accountId().value(), d.lockDate()), d.lockAt(), ActionService::earlier);
                } else if (e instanceof ActionEvent.ActionLocked) {
                    clearTimers.merge(timerId(d.accountId().value(), d.clearingDate()), d.clearingAt(),
                            ActionService::earlier);
                }
            }
            var d = ((ActionState.Tracked) state).details();
            touched.add(d.accountId().value());
            store.append(streamId(d.accountId().value(), d.actionId()), d.accountId().value(),
                    change.before().version(), newEvents);
            saved.add(new StoredAction(state, change.before().version() + change.events().size()));
        }
        if (!saved.isEmpty()) {
            db.saveActions(saved, ctx.now());
        }
        messages.addAll(updateSummaries(accounts, touched, ctx));
        outbox.publishAll(messages);
        lockTimers.forEach((id, at) -> timers.schedule(LOCK_TIMER, id, at, id));
        clearTimers.forEach((id, at) -> timers.schedule(CLEAR_TIMER, id, at, id));
    }

    private List<Outbox.Message> updateSummaries(Map<String, AccountRow> accounts, java.util.Set<String> touched,
                                                 CommandContext ctx) {
        List<Outbox.Message> messages = new ArrayList<>();
        if (touched.isEmpty()) {
            return messages;
        }
        var figures = db.pendingFigures(touched);
        for (String accountId : touched) {
            AccountRow row = accounts.get(accountId);
            var f = figures.getOrDefault(accountId, new PayoutsStore.PendingFigures(0, null));
            ZoneId zone = row.settings() == null ? ZoneId.of("UTC") : row.settings().zone();
            var events = PayoutsSummary.decide(row.summary(), f.pending(), f.lastLockDate(), zone, ctx.now());
            if (events.isEmpty()) {
                continue;
            }
            PayoutsSummary.State state = row.summary();
            List<NewEvent> newEvents = new ArrayList<>();
            for (var e : events) {
                state = PayoutsSummary.evolve(state, e);
                EventMetadata md = ctx.nextMetadata();
                newEvents.add(new NewEvent(e, md));
                messages.add(new Outbox.Message(Topics.PAYOUTS, IntegrationEvents.of(accountId, e), md));
            }
            long version = store.append(summaryStreamId(accountId), accountId, row.summaryVersion(), newEvents);
            db.saveSummary(accountId, state, version);
        }
        return messages;
    }

    public static String timerId(String accountId, LocalDate date) {
        return accountId + "|" + date;
    }

    /** Parses a timer id made by {@link #timerId}. */
    public static Map.Entry<AccountId, LocalDate> parseTimerId(String id) {
        int bar = id.lastIndexOf('|');
        return Map.entry(AccountId.of(id.substring(0, bar)), LocalDate.parse(id.substring(bar + 1)));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    // ------------------------------------------------------------------ queries

    public Optional<StoredAction> find(Actor actor, AccountId account, String actionId) {
        actor.requireAccess(account.value());
        return Optional.ofNullable(db.actions(account.value(), List.of(actionId)).get(actionId));
    }

    public PayoutsStore.Page list(Actor actor, AccountId account, String state, LocalDate from, LocalDate to, int page,
                                  int size) {
        actor.requireAccess(account.value());
        return db.list(account.value(), state, from, to, page, size);
    }
}
