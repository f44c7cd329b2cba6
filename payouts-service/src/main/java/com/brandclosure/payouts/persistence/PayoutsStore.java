package com.brandclosure.payouts.persistence;

import com.brandclosure.payouts.domain.ActionDetails;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.ContractPeriod;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.ReferencePeriod;
import com.brandclosure.payouts.domain.RejectionReason;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read models of payouts-service: account rows (settings, closure date), contract periods, and
 * the queries on the {@code actions} table that {@link ActionsProjection} keeps.
 */
@Repository
public class PayoutsStore {

    private final JdbcTemplate jdbc;

    public PayoutsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- accounts

    private static final String ACCOUNT_COLUMNS = """
            account_id, lock_months, lock_days, reference_period, payment_scheduling_days, zone, currency,
            closure_date, locale_decided_at, closure_requested_at""";

    private static final RowMapper<AccountRow> ACCOUNT = (rs, i) -> {
        String currency = rs.getString(7);
        LockingSettings settings = currency == null ? null : new LockingSettings(rs.getInt(2), rs.getInt(3),
                ReferencePeriod.valueOf(rs.getString(4)), rs.getInt(5), ZoneId.of(rs.getString(6)),
                Currency.getInstance(currency));
        return new AccountRow(rs.getString(1), settings, localDate(rs, 8), instant(rs, 9), instant(rs, 10));
    };

    public Optional<AccountRow> account(AccountId account) {
        return jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM payouts_accounts WHERE account_id = ?", ACCOUNT,
                account.value()).stream().findFirst();
    }

    /** The accounts' rows; call inside the unit of work that holds their locks. */
    public Map<String, AccountRow> accounts(Collection<String> accountIds) {
        Map<String, AccountRow> rows = new HashMap<>();
        jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM payouts_accounts WHERE account_id = ANY(?)", ACCOUNT,
                        (Object) accountIds.toArray(String[]::new))
                .forEach(r -> rows.put(r.accountId(), r));
        return rows;
    }

    /**
     * Makes sure each account has a row; a new one gets the default settings and no currency: a
     * conversion never fixes the account's currency, only its first settings do ({@code AccountLocale}).
     */
    public void ensureAccounts(Collection<String> accountIds) {
        var d = LockingSettings.defaults(Currency.getInstance("XXX"));
        List<Object[]> rows = new ArrayList<>();
        accountIds.forEach(account -> rows.add(new Object[]{account, d.lockMonths(), d.lockDays(),
                d.referencePeriod().name(), d.paymentSchedulingDays(), d.zone().getId()}));
        jdbc.batchUpdate("""
                INSERT INTO payouts_accounts (account_id, lock_months, lock_days, reference_period,
                                              payment_scheduling_days, zone, currency)
                VALUES (?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (account_id) DO NOTHING""", rows);
    }

    /** Records that the account's currency and zone (those of its stored settings) are decided. */
    public void markLocaleDecided(AccountId account, Instant at) {
        jdbc.update("UPDATE payouts_accounts SET locale_decided_at = ? WHERE account_id = ? AND locale_decided_at IS NULL",
                Timestamp.from(at), account.value());
    }

    public void saveSettings(AccountId account, LockingSettings s) {
        jdbc.update("""
                INSERT INTO payouts_accounts (account_id, lock_months, lock_days, reference_period,
                                              payment_scheduling_days, zone, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET lock_months = excluded.lock_months,
                    lock_days = excluded.lock_days, reference_period = excluded.reference_period,
                    payment_scheduling_days = excluded.payment_scheduling_days, zone = excluded.zone,
                    currency = excluded.currency, updated_at = now()""",
                account.value(), s.lockMonths(), s.lockDays(), s.referencePeriod().name(), s.paymentSchedulingDays(),
                s.zone().getId(), s.currency().getCurrencyCode());
    }

    public void saveClosureDate(AccountId account, LocalDate closureDate) {
        var d = LockingSettings.defaults(Currency.getInstance("EUR"));
        jdbc.update("""
                INSERT INTO payouts_accounts (account_id, lock_months, lock_days, reference_period,
                                              payment_scheduling_days, zone, currency, closure_date)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                ON CONFLICT (account_id) DO UPDATE SET closure_date = coalesce(payouts_accounts.closure_date,
                    excluded.closure_date)""",
                account.value(), d.lockMonths(), d.lockDays(), d.referencePeriod().name(), d.paymentSchedulingDays(),
                d.zone().getId(), closureDate);
    }

    /** The closure saga requested the account's closure at {@code at}: it is closing (the first request stays). */
    public void saveClosureRequested(AccountId account, Instant at) {
        ensureAccounts(List.of(account.value()));
        jdbc.update("UPDATE payouts_accounts SET closure_requested_at = coalesce(closure_requested_at, ?) "
                + "WHERE account_id = ?", Timestamp.from(at), account.value());
    }

    /** The closure was cancelled: the account is no longer closing. */
    public void clearClosureRequested(AccountId account) {
        jdbc.update("UPDATE payouts_accounts SET closure_requested_at = NULL WHERE account_id = ?", account.value());
    }

    public long countActions(AccountId account) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM actions WHERE account_id = ?", Long.class, account.value());
        return n == null ? 0 : n;
    }

    /**
     * Per account: pending actions and the latest lock date of an approved (not yet locked) action.
     * {@code pendingCostMinor}: the sum of the pending actions' costs (the account's one currency).
     * {@code lastClearingAt}: the latest clearing instant of an approved or locked action not cleared yet.
     */
    public record PendingFigures(long pending, LocalDate lastLockDate, long pendingCostMinor, Instant lastClearingAt) {
        public PendingFigures(long pending, LocalDate lastLockDate) {
            this(pending, lastLockDate, 0, null);
        }
    }

    public Map<String, PendingFigures> pendingFigures(Collection<String> accountIds) {
        Map<String, PendingFigures> result = new HashMap<>();
        jdbc.query("""
                SELECT account_id, count(*) FILTER (WHERE state = 'PENDING'),
                       max(lock_date) FILTER (WHERE state = 'APPROVED'),
                       coalesce(sum(cost_minor) FILTER (WHERE state = 'PENDING'), 0),
                       max(clearing_at) FILTER (WHERE state IN ('APPROVED', 'LOCKED'))
                FROM actions WHERE account_id = ANY(?) AND state IN ('PENDING', 'APPROVED', 'LOCKED')
                GROUP BY account_id""", rs -> {
            result.put(rs.getString(1), new PendingFigures(rs.getLong(2), localDate(rs, 3), rs.getLong(4),
                    instant(rs, 5)));
        }, (Object) accountIds.toArray(String[]::new));
        return result;
    }

    // ---- contracts

    public Map<String, List<ContractPeriod>> contractPeriods(Collection<String> accountIds) {
        Map<String, List<ContractPeriod>> result = new HashMap<>();
        jdbc.query("SELECT account_id, contract_id, partner_id, active_from, active_until FROM contract_periods "
                + "WHERE account_id = ANY(?)", rs -> {
            result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ContractPeriod(rs.getString(2),
                    rs.getString(3), rs.getTimestamp(4).toInstant(), instant(rs, 5)));
        }, (Object) accountIds.toArray(String[]::new));
        return result;
    }

    public void contractActivated(String accountId, String contractId, String partnerId, Instant activatedAt) {
        jdbc.update("""
                INSERT INTO contract_periods (account_id, contract_id, partner_id, active_from)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, contract_id) DO UPDATE SET partner_id = excluded.partner_id,
                    active_from = excluded.active_from""",
                accountId, contractId, partnerId, Timestamp.from(activatedAt));
    }

    public void contractExpired(String accountId, String contractId, String partnerId, Instant expiredAt) {
        // An expiry seen without its activation still closes the period, so later actions are outside of terms.
        jdbc.update("""
                INSERT INTO contract_periods (account_id, contract_id, partner_id, active_from, active_until)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, contract_id) DO UPDATE SET active_until = excluded.active_until""",
                accountId, contractId, partnerId, Timestamp.from(expiredAt), Timestamp.from(expiredAt));
    }

    // ---- actions

    private static final String ACTION_COLUMNS = """
            account_id, action_id, state, partner_id, contract_id, event_at, reported_at, event_date, late_reported,
            cost_minor, currency, lock_date, clearing_date, lock_at, clearing_at, reason, cleared_on, version""";

    private static final RowMapper<StoredAction> ACTION = (rs, i) -> {
        var details = new ActionDetails(AccountId.of(rs.getString(1)), rs.getString(2), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), localDate(rs, 8),
                rs.getBoolean(9), Money.of(rs.getLong(10), rs.getString(11)), localDate(rs, 12), localDate(rs, 13),
                rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant());
        String reason = rs.getString(16);
        ActionState state = switch (rs.getString(3)) {
            case "PENDING" -> new ActionState.Pending(details);
            case "APPROVED" -> new ActionState.Approved(details);
            case "REVERSED" -> new ActionState.Reversed(details, reason);
            case "LOCKED" -> new ActionState.Locked(details);
            case "CLEARED" -> new ActionState.Cleared(details, localDate(rs, 17));
            case "REJECTED" -> new ActionState.Rejected(details, RejectionReason.valueOf(reason));
            default -> throw new IllegalStateException("unknown action state " + rs.getString(3));
        };
        return new StoredAction(state, rs.getLong(18));
    };

    /** The stored actions among {@code actionIds} of one account, by action id. */
    public Map<String, StoredAction> actions(String accountId, Collection<String> actionIds) {
        Map<String, StoredAction> result = new HashMap<>();
        jdbc.query("SELECT " + ACTION_COLUMNS + " FROM actions WHERE account_id = ? AND action_id = ANY(?)", ACTION,
                        accountId, actionIds.toArray(String[]::new))
                .forEach(a -> result.put(((ActionState.Tracked) a.state()).details().actionId(), a));
        return result;
    }

    /** Ids of an account's actions in {@code states} with {@code dateColumn} on or before/after a date. */
    public List<String> actionIdsInState(String accountId, List<String> states, String dateColumn, String comparison,
                                         LocalDate date) {
        if (!List.of("lock_date", "clearing_date", "event_date").contains(dateColumn)
                || !List.of("<=", ">=").contains(comparison)) {
            throw new IllegalArgumentException("unsupported filter");
        }
        return jdbc.queryForList("SELECT action_id FROM actions WHERE account_id = ? AND state = ANY(?) AND "
                + dateColumn + " " + comparison + " ? ORDER BY action_id", String.class, accountId,
                states.toArray(String[]::new), date);
    }

    /**
     * Ids of an account's actions rejected OUTSIDE_OF_TERMS that a contract of {@code partnerId} active
     * from {@code activeFrom} may cover (the action names no contract or this one), still before their
     * lock instant at {@code now}: the candidates for a re-evaluation; their streams decide.
     */
    public List<String> actionsOutsideOfTerms(String accountId, String partnerId, String contractId,
                                              Instant activeFrom, Instant now) {
        return jdbc.queryForList("""
                SELECT action_id FROM actions
                WHERE account_id = ? AND state = 'REJECTED' AND reason = 'OUTSIDE_OF_TERMS' AND partner_id = ?
                  AND (contract_id IS NULL OR contract_id = ?) AND event_at >= ? AND lock_at > ?
                ORDER BY action_id""", String.class, accountId, partnerId, contractId, Timestamp.from(activeFrom),
                Timestamp.from(now));
    }

    public record Page(List<StoredAction> items, long total) {
    }

    /**
     * The matching actions' count and one page of them ({@link Paging.Request#fetch()} at most), by event date,
     * then action id (unique and stable).
     */
    public Page list(String accountId, String state, LocalDate from, LocalDate to, Paging.Request page) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state);
        }
        if (from != null) {
            where.append(" AND event_date >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" AND event_date <= ?");
            args.add(to);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM actions" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String after = "";
        if (!page.fromStart()) {
            after = " AND (event_date, action_id) > (?, ?)";
            pageArgs.add(page.after(0, LocalDate::parse));
            pageArgs.add(page.after(1));
        }
        pageArgs.add(page.fetch());
        var items = jdbc.query("SELECT " + ACTION_COLUMNS + " FROM actions" + where + after
                + " ORDER BY event_date, action_id LIMIT ?", ACTION, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** The paging cursor of {@code action}: its place in {@link #list}'s order. */
    public static String cursorOf(StoredAction action) {
        var details = ((ActionState.Tracked) action.state()).details();
        return Paging.cursor(details.eventDate().toString(), details.actionId());
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
