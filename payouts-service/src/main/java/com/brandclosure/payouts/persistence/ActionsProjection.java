package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.ActionEvent;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code actions} read model: one row per action with its state after the last appended event
 * and that event's stream version. Fed by the command runner in the transaction that appends the
 * events, so it is never behind; the action streams stay the source of truth (commands load them,
 * not these rows). One batched upsert per flush.
 */
@Component
public class ActionsProjection implements Projection {

    private final JdbcTemplate jdbc;

    public ActionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(List<Appended> appended) {
        // Only the last event of each action stream in this flush matters: it carries the state after it.
        Map<String, Appended> last = new LinkedHashMap<>();
        for (Appended a : appended) {
            if (a.event() instanceof ActionEvent) {
                last.put(a.streamId(), a);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(last.size());
        for (Appended a : last.values()) {
            ActionState.Tracked t = a.state();
            var d = t.details();
            String reason = switch (t) {
                case ActionState.Reversed r -> r.reason();
                case ActionState.Rejected r -> r.reason().name();
                default -> null;
            };
            LocalDate clearedOn = t instanceof ActionState.Cleared c ? c.clearedOn() : null;
            rows.add(new Object[]{d.accountId().value(), d.actionId(), t.name(), d.partnerId(), d.contractId(),
                    Timestamp.from(d.eventAt()), Timestamp.from(d.reportedAt()), d.eventDate(),
                    d.lateReported(), d.cost().minor(), d.cost().currency().getCurrencyCode(),
                    d.lockDate(), d.clearingDate(), Timestamp.from(d.lockAt()),
                    Timestamp.from(d.clearingAt()), reason, clearedOn, a.version(),
                    Timestamp.from(a.metadata().occurredAt())});
        }
        jdbc.batchUpdate("""
                INSERT INTO actions (account_id, action_id, state, partner_id, contract_id, event_at, reported_at,
                    event_date, late_reported, cost_minor, currency, lock_date, clearing_date, lock_at, clearing_at,
                    reason, cleared_on, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, action_id) DO UPDATE SET state = excluded.state,
                    cost_minor = excluded.cost_minor, reason = excluded.reason, cleared_on = excluded.cleared_on,
                    version = excluded.version, updated_at = excluded.updated_at""", rows);
    }
}
