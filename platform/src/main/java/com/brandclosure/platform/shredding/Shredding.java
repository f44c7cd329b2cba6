package com.brandclosure.platform.shredding;

import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.crypto.AccountShreddedException;
import com.brandclosure.platform.crypto.DataKeys;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.platform.timers.TimerIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Crypto-shredding after closure. {@link #afterClosure} (called where a service applies
 * {@code AccountClosed}) records the closure time and sets the durable timer at closure +
 * {@code platform.shredding.retention}; when it fires, {@link #shred} deletes the account's data key
 * (every personal field of its events, snapshots and sealed envelopes reads {@code "<shredded>"} from then
 * on), runs the service's {@link Redaction}s, purges the account's outbox rows, parked outbox rows, dead
 * letters and parked records, appends {@link AccountDataShredded} and counts it. One unit of work under
 * the account's lock. The closure time is the one recorded from AccountClosed: nothing a caller sends can
 * move the shredding earlier, and after it the command runner refuses the account for good.
 */
public class Shredding {

    public static final String TIMER_KIND = "platform-shredding";
    public static final String TIMER_ACTOR = "timer:" + TIMER_KIND;

    private static final Logger log = LoggerFactory.getLogger(Shredding.class);

    private final CommandRunner runner;
    private final DataKeys keys;
    private final DurableTimers timers;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Duration retention;
    private final List<Redaction> redactions;
    private final String service;
    private final AtomicLong shredded = new AtomicLong();

    public Shredding(CommandRunner runner, DataKeys keys, DurableTimers timers, EventStore eventStore, JdbcTemplate jdbc,
                     Clock clock, Supplier<UUID> ids, Duration retention, List<Redaction> redactions, String service) {
        this.runner = runner;
        this.keys = keys;
        this.timers = timers;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
        this.retention = retention;
        this.redactions = List.copyOf(redactions);
        this.service = service;
    }

    /**
     * The account was closed at {@code closedAt}: schedule its shredding (in the caller's transaction).
     * A repeated AccountClosed keeps the first closure time.
     */
    public void afterClosure(String accountId, Instant closedAt) {
        keys.recordClosure(accountId, closedAt);
        Instant due = keys.status(accountId).closedAt().plus(retention);
        timers.schedule(TIMER_KIND, timerId(accountId), due, closedAt.toString());
    }

    /**
     * The handler of a service's closure-events subscription that also takes {@link AccountClosed}:
     * AccountClosed schedules the shredding, every other event goes to {@code handler} as {@code type}.
     */
    public <E extends IntegrationEvent> AccountHandler afterClosureOr(Class<E> type, AccountHandler.TypedHandler<E> handler) {
        return AccountHandler.each((event, work) -> {
            if (event.event() instanceof AccountClosed closed) {
                afterClosure(closed.accountId(), closed.closedAt());
            } else {
                handler.apply(type.cast(event.event()), event);
            }
        });
    }

    /** When the account may be shredded; empty if no AccountClosed was recorded for it. */
    public Optional<Instant> dueAt(String accountId) {
        Instant closedAt = keys.status(accountId).closedAt();
        return Optional.ofNullable(closedAt).map(c -> c.plus(retention));
    }

    /** The timer's work: shreds if due (a timer that fires early, after a clock moved back, is refused and retried). */
    public void shredWhenDue(String accountId) {
        if (keys.status(accountId).shredded()) {
            return;
        }
        Optional<Instant> due = dueAt(accountId);
        if (due.isEmpty()) {
            log.warn("shredding timer for {} fired but no closure is recorded: nothing shredded", accountId);
            return;
        }
        try {
            shred(accountId, TIMER_ACTOR);
        } catch (AccountShreddedException alreadyDone) {
            log.debug("account {} was shredded meanwhile", accountId);
        }
    }

    /**
     * Shreds the account now, refused ({@link DomainException.Conflict}, 409) unless AccountClosed was
     * recorded and the retention since has passed, and ({@link AccountShreddedException}, 410) if it is
     * shredded already.
     */
    public AccountDataShredded shred(String accountId, String by) {
        return runner.inAccount(accountId, work -> {
            Instant now = clock.instant();
            Instant closedAt = keys.status(accountId).closedAt();
            if (closedAt == null) {
                throw new DomainException.Conflict("account " + accountId
                        + " is not closed: its data is shredded only after AccountClosed plus the retention of " + retentionText());
            }
            Instant due = closedAt.plus(retention);
            if (now.isBefore(due)) {
                throw new DomainException.Conflict("account " + accountId + " was closed at " + closedAt
                        + ": its data may be shredded only after the retention of " + retentionText() + ", from " + due);
            }
            List<String> kinds = new ArrayList<>();
            kinds.add("personal fields of events and snapshots (data key deleted)");
            for (Redaction r : redactions) {
                r.redact(accountId);
                kinds.add(r.kind());
            }
            int outbox = jdbc.update("DELETE FROM outbox WHERE message_key = ?", accountId)
                    + jdbc.update("DELETE FROM outbox_parked WHERE message_key = ?", accountId);
            jdbc.update("DELETE FROM parked_records WHERE account_id = ?", accountId);
            jdbc.update("DELETE FROM parked_accounts WHERE account_id = ?", accountId);
            int deadLetters = jdbc.update("""
                    DELETE FROM dead_letters d WHERE d.record_key = ?
                      AND NOT EXISTS (SELECT 1 FROM parked_accounts p WHERE p.dead_letter_id = d.id)""", accountId);
            kinds.add("outbox rows (" + outbox + ")");
            kinds.add("dead letters and parked records (" + deadLetters + " dead letters)");
            var event = new AccountDataShredded(accountId, service, by, now, closedAt, retentionText(), kinds);
            String stream = "shredding-" + accountId;
            var metadata = new EventMetadata(ids.get(), by, "shredding:" + accountId, null, now);
            eventStore.appendAll(List.of(new EventStore.StreamAppend(stream, accountId, eventStore.version(stream),
                    List.of(new NewEvent(event, metadata)))));
            keys.destroy(accountId, now);
            work.afterCommit(() -> {
                shredded.incrementAndGet();
                log.info("account {} shredded by {}: {}", accountId, by, kinds);
            });
            return event;
        });
    }

    /** Accounts shredded by this instance since start (metric {@code accounts_shredded_total}). */
    public long shreddedCount() {
        return shredded.get();
    }

    /** The retention as ISO-8601, in days when it is whole days (P90D rather than PT2160H). */
    private String retentionText() {
        return retention.toSeconds() % 86_400 == 0 ? "P" + retention.toDays() + "D" : retention.toString();
    }

    public Duration retention() {
        return retention;
    }

    private static String timerId(String accountId) {
        return TimerIds.of(accountId, "shred");
    }
}
