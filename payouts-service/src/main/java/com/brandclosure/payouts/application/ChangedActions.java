package com.brandclosure.payouts.application;

import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.domain.ActionDetails;
import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.timers.TimerIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one unit of work changed on actions, collected while it decides: the accounts touched (whose
 * summary must be recounted) and the lock and clearing timers the changes call for. One timer per
 * account and date, not per action: 200 actions approved for the same lock date cost one timer, and
 * its handler locks them in one batch.
 */
final class ChangedActions {

    static final String LOCK_TIMER = "payouts-lock";
    static final String CLEAR_TIMER = "payouts-clear";

    private final Set<String> accounts = new TreeSet<>();
    private final Map<String, Instant> lockTimers = new TreeMap<>();
    private final Map<String, Instant> clearTimers = new TreeMap<>();

    /** Notes {@code events} decided for one action and its state after them. */
    void record(List<ActionEvent> events, ActionState after) {
        if (events.isEmpty()) {
            return;
        }
        ActionDetails d = ((ActionState.Tracked) after).details();
        String account = d.accountId().value();
        accounts.add(account);
        for (ActionEvent e : events) {
            if (e instanceof ActionEvent.ActionApproved) {
                lockTimers.merge(timerId(account, d.lockDate()), d.lockAt(), ChangedActions::earlier);
            } else if (e instanceof ActionEvent.ActionLocked) {
                clearTimers.merge(timerId(account, d.clearingDate()), d.clearingAt(), ChangedActions::earlier);
            }
        }
    }

    /**
     * Decides {@code command} for each of the account's actions named (their streams loaded in one
     * go), records what changed and returns how many actions changed.
     */
    int executeOnEach(Work work, String accountId, List<String> actionIds, ActionCommand command,
                      CommandContext ctx) {
        var streams = work.loadAll(accountId, actionIds.stream().map(id -> Action.streamId(accountId, id)).toList(),
                Action.DECIDER);
        int changed = 0;
        for (var stream : streams.values()) {
            var events = stream.execute(command, ctx);
            record(events, stream.state());
            changed += events.isEmpty() ? 0 : 1;
        }
        return changed;
    }

    boolean isEmpty() {
        return accounts.isEmpty();
    }

    Set<String> accounts() {
        return accounts;
    }

    /** Sets the timers in the unit's transaction (an existing one for the same id is moved). */
    void scheduleTimers(Work work) {
        lockTimers.forEach((id, at) -> work.schedule(LOCK_TIMER, id, at, TimerIds.keyOf(id)));
        clearTimers.forEach((id, at) -> work.schedule(CLEAR_TIMER, id, at, TimerIds.keyOf(id)));
    }

    static String timerId(String accountId, LocalDate date) {
        return TimerIds.of(accountId, date.toString());
    }

    /** The date named by the key of a timer id made by {@link #timerId}. */
    static LocalDate dateOf(String timerKey) {
        return LocalDate.parse(timerKey);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
