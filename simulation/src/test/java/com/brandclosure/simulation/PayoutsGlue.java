package com.brandclosure.simulation;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.domain.ActionDetails;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.ContractPeriod;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.payouts.domain.RejectionReason;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.timers.TimerIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * payouts-service's application layer over its deciders (TrackConversions, ReviewActions, DueActions,
 * ContractTerms, Deactivation, Fencing, AccountSummary with its state report, ChangedActions). Its tables are
 * rows of the store: {@code closure:<account>} (the first closure date seen) and
 * {@code periods:<account>} (the contract periods contracts-service announced); the actions read model
 * is the action streams' states. No account here has locking settings (the defaults apply, in UTC).
 */
final class PayoutsGlue {

    static final String SERVICE = "payouts-service";
    static final String LOCK_TIMER = "payouts-lock";
    static final String CLEAR_TIMER = "payouts-clear";
    private static final LockingSettings NO_SETTINGS = LockingSettings.defaults(Currency.getInstance("XXX"));

    PayoutsGlue(World world) {
    }

    /** What one unit changed on actions: accounts to recount, lock and clearing timers to set (ChangedActions). */
    static final class Changes {
        final Set<String> accounts = new TreeSet<>();
        final Map<String, Instant> lockTimers = new TreeMap<>();
        final Map<String, Instant> clearTimers = new TreeMap<>();

        void record(List<ActionEvent> events, ActionState after) {
            if (events.isEmpty()) {
                return;
            }
            ActionDetails d = ((ActionState.Tracked) after).details();
            String account = d.accountId().value();
            accounts.add(account);
            for (ActionEvent e : events) {
                if (e instanceof ActionEvent.ActionApproved) {
                    lockTimers.merge(TimerIds.of(account, d.lockDate().toString()), d.lockAt(), Changes::earlier);
                } else if (e instanceof ActionEvent.ActionLocked) {
                    clearTimers.merge(TimerIds.of(account, d.clearingDate().toString()), d.clearingAt(),
                            Changes::earlier);
                }
            }
        }

        private static Instant earlier(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }

    Unit.Handle<ActionCommand, ActionState, ActionEvent> action(Unit u, String account, String streamId) {
        return u.load(account, streamId, Action.DECIDER);
    }

    Map<String, ActionState> actions(Unit u, String account) {
        return u.states(account, "action:");
    }

    Optional<LocalDate> closureDate(Unit u, String account) {
        return Optional.ofNullable(u.row("closure:" + account));
    }

    private Map<String, ContractPeriod> periods(Unit u, String account) {
        Map<String, ContractPeriod> p = u.row("periods:" + account);
        return p == null ? Map.of() : p;
    }

    private void putPeriod(Unit u, String account, ContractPeriod period) {
        Map<String, ContractPeriod> copy = new LinkedHashMap<>(periods(u, account));
        copy.put(period.contractId(), period);
        u.putRow("periods:" + account, copy);
    }

    private List<String> actionIds(Unit u, String account, Predicate<ActionState> test) {
        return u.streamsWhere(account, "action:", test);
    }

    private Unit.Handle<PayoutsSummary.SummaryCommand, PayoutsSummary.State, PayoutsSummary.SummaryEvent> summary(
            Unit u, String account) {
        return u.load(account, PayoutsSummary.streamId(account), PayoutsSummary.DECIDER);
    }

    /** The pending figures of the account, this unit's changes included. */
    private PayoutsSummary.Recount recount(Unit u, String account) {
        long pending = 0;
        long pendingCost = 0;
        LocalDate lastLock = null;
        for (ActionState s : actions(u, account).values()) {
            if (s instanceof ActionState.Pending p) {
                pending++;
                pendingCost += p.details().cost().minor();
            } else if (s instanceof ActionState.Approved a
                    && (lastLock == null || a.details().lockDate().isAfter(lastLock))) {
                lastLock = a.details().lockDate();
            }
        }
        return new PayoutsSummary.Recount(pending, lastLock, NO_SETTINGS, u.now, pendingCost);
    }

    /** AccountSummary.settle: the timers the changes call for, then each touched account's summary recounted. */
    private void settle(Unit u, Changes changes) {
        if (changes.accounts.isEmpty()) {
            return;
        }
        changes.lockTimers.forEach((id, at) -> u.schedule(LOCK_TIMER, id, at, TimerIds.keyOf(id)));
        changes.clearTimers.forEach((id, at) -> u.schedule(CLEAR_TIMER, id, at, TimerIds.keyOf(id)));
        for (String account : changes.accounts) {
            summary(u, account).execute(recount(u, account));
        }
    }

    private int executeOnEach(Unit u, String account, List<String> streamIds, ActionCommand command, Changes ch) {
        int changed = 0;
        for (String id : streamIds) {
            var stream = action(u, account, id);
            var events = stream.execute(command);
            ch.record(events, stream.state());
            changed += events.isEmpty() ? 0 : 1;
        }
        return changed;
    }

    /** TrackConversions, one conversion: refused as a whole (DomainException) or recorded. */
    void track(Unit u, String account, String actionId, String partner, Instant eventAt, Instant reportedAt,
               Money cost) {
        var command = new ActionCommand.TrackAction(AccountId.of(account), actionId, partner, null, eventAt,
                reportedAt, cost, LockingSettings.defaults(cost.currency()),
                List.copyOf(periods(u, account).values()), closureDate(u, account));
        var stream = action(u, account, Action.streamId(account, actionId));
        Changes ch = new Changes();
        ch.record(stream.execute(command), stream.state());
        settle(u, ch);
    }

    /** ReviewActions: each action on its own, a refusal leaves the others. */
    void review(Unit u, String account, List<String> streamIds, ActionCommand command) {
        Changes ch = new Changes();
        for (String id : streamIds) {
            var stream = action(u, account, id);
            if (stream.isNew()) {
                continue;
            }
            try {
                ch.record(stream.execute(command), stream.state());
            } catch (DomainException refused) {
                // REFUSED for this item; the batch goes on.
            }
        }
        settle(u, ch);
    }

    void restore(Unit u, String account, List<String> streamIds) {
        review(u, account, streamIds, new ActionCommand.RestoreAction(u.now, closureDate(u, account)));
    }

    /** DueActions.lock / clear, from the timers. */
    void lockDue(Unit u, String account, LocalDate date) {
        Changes ch = new Changes();
        executeOnEach(u, account, actionIds(u, account, s -> s instanceof ActionState.Approved a
                && !a.details().lockDate().isAfter(date)), new ActionCommand.LockAction(date), ch);
        settle(u, ch);
    }

    void clearDue(Unit u, String account, LocalDate date) {
        Changes ch = new Changes();
        executeOnEach(u, account, actionIds(u, account, s -> s instanceof ActionState.Locked l
                && !l.details().clearingDate().isAfter(date)), new ActionCommand.ClearAction(date), ch);
        settle(u, ch);
    }

    /** ContractTerms.activated: the period, then a judgement again of the terms rejections it may cover. */
    void contractActivated(Unit u, String account, String contractId, String partnerId, Instant at) {
        ContractPeriod known = periods(u, account).get(contractId);
        putPeriod(u, account, new ContractPeriod(contractId, partnerId, at, known == null ? null : known.activeUntil()));
        List<String> candidates = actionIds(u, account, s -> s instanceof ActionState.Rejected r
                && r.reason() == RejectionReason.OUTSIDE_OF_TERMS && r.details().partnerId().equals(partnerId)
                && !r.details().eventAt().isBefore(at) && u.now.isBefore(r.details().lockAt()));
        if (candidates.isEmpty()) {
            return;
        }
        var command = new ActionCommand.ReevaluateTerms(List.copyOf(periods(u, account).values()), u.now,
                closureDate(u, account));
        Changes ch = new Changes();
        executeOnEach(u, account, candidates, command, ch);
        settle(u, ch);
    }

    void contractEnds(Unit u, String account, String contractId, Instant endsAt) {
        summary(u, account).execute(new PayoutsSummary.NoteContractEnd(contractId, endsAt, recount(u, account)));
    }

    void contractExpired(Unit u, String account, String contractId, String partnerId, Instant at) {
        ContractPeriod known = periods(u, account).get(contractId);
        if (known != null) {
            putPeriod(u, account, new ContractPeriod(contractId, known.partnerId(), known.activeFrom(), at));
        }
        contractEnds(u, account, contractId, at);
    }

    /** Deactivation: the first closure date stays; actions dated on or after it that are not locked are rejected. */
    void deactivate(Unit u, String account, LocalDate closureDate) {
        if (closureDate(u, account).isEmpty()) {
            u.putRow("closure:" + account, closureDate);
        }
        LocalDate effective = closureDate(u, account).orElseThrow();
        List<String> ids = actionIds(u, account, s -> (s instanceof ActionState.Pending
                || s instanceof ActionState.Approved || s instanceof ActionState.Reversed)
                && !((ActionState.Tracked) s).details().eventDate().isBefore(effective));
        Changes ch = new Changes();
        executeOnEach(u, account, ids, new ActionCommand.RejectForClosure(effective), ch);
        settle(u, ch);
    }

    void fence(Unit u, String account, String closureId, LocalDate closureDate) {
        boolean alreadyFenced = closureDate(u, account).isPresent();
        deactivate(u, account, closureDate);
        if (!alreadyFenced) {
            u.publish(Topics.PAYOUTS, new AccountFenced(account, closureId, SERVICE, u.now));
        }
    }

    void report(Unit u, String account, String closureId) {
        summary(u, account).execute(new PayoutsSummary.Report(recount(u, account), closureId));
    }

    List<String> actionsIn(Unit u, String account, Class<? extends ActionState> state) {
        return new ArrayList<>(actionIds(u, account, state::isInstance));
    }
}
