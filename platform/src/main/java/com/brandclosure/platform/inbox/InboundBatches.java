package com.brandclosure.platform.inbox;

import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.ops.DeadLetters;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.platform.tracing.Traces;
import com.brandclosure.platform.web.Paging;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one consumer shape of every service. A service subscribes once per listener
 * ({@link #subscribe}) and hands each poll to {@link Subscription#accept}:
 * <ol>
 *   <li>records whose {@code event-type} header names a type the subscription does not take are
 *       skipped before decoding (and never touch the inbox);</li>
 *   <li>each record is decoded; one whose key, envelope account and payload account differ, or that is
 *       not a valid envelope, is dead-lettered on its own;</li>
 *   <li>the poll's records are grouped by account, keeping their order, and the whole poll runs as one
 *       unit of work: one dedup statement ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}), then one
 *       effect per account;</li>
 *   <li>if the poll fails on content, it is split: per account, then per record; the record that fails
 *       is dead-lettered and its account parked on this consumer, so its later records wait (kept in
 *       {@code parked_records}) until an operator replays or discards it ({@link #release}); a
 *       subscription of independent records ({@link #subscribeIndependent}) parks nothing;</li>
 *   <li>an infrastructure failure ({@link Failures#isTransient}) is thrown to the container, which
 *       retries the poll with backoff until it passes: nothing is applied or dead-lettered meanwhile.</li>
 * </ol>
 * Each account's records are applied in a span that continues their {@code traceparent} header (the first
 * record's trace as parent, the others linked), and the events that handling publishes carry that span's
 * traceparent: see platform.tracing for why.
 * Consumer names are {@code <spring.application.name>:<purpose>}.
 */
public class InboundBatches {

    private static final Logger log = LoggerFactory.getLogger(InboundBatches.class);
    private static final Map<String, Class<? extends IntegrationEvent>> TYPES = EventCatalog.all();

    private final JsonCodec json;
    private final JdbcTemplate jdbc;
    private final CommandRunner runner;
    private final DeadLetters deadLetters;
    private final String application;
    private final Traces traces;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong duplicatesSkipped = new AtomicLong();
    private final AtomicLong parkedRecords = new AtomicLong();

    public InboundBatches(JsonCodec json, JdbcTemplate jdbc, CommandRunner runner, DeadLetters deadLetters,
                          String application) {
        this(json, jdbc, runner, deadLetters, application, Traces.none());
    }

    /** @param traces continues each record's trace from its {@code traceparent} header (platform.tracing) */
    public InboundBatches(JsonCodec json, JdbcTemplate jdbc, CommandRunner runner, DeadLetters deadLetters,
                          String application, Traces traces) {
        this.traces = traces;
        this.json = json;
        this.jdbc = jdbc;
        this.runner = runner;
        this.deadLetters = deadLetters;
        this.application = application;
    }

    /** The consumer name of {@code purpose} in this service. */
    public String consumerName(String purpose) {
        return application + ":" + purpose;
    }

    /**
     * Subscribes {@code handler} to the integration events of {@code types}; other types are skipped.
     * One subscription per purpose (its consumer name keys the dedup records and the parking).
     */
    public Subscription subscribe(String purpose, Collection<Class<? extends IntegrationEvent>> types,
                                  AccountHandler handler) {
        return register(new Subscription(consumerName(purpose), names(types), handler, true));
    }

    /** {@link #subscribe} to one event type, each event in order: {@code handler} gets it decoded as {@code type}. */
    public <E extends IntegrationEvent> Subscription subscribe(String purpose, Class<E> type,
                                                               AccountHandler.TypedHandler<E> handler) {
        return subscribe(purpose, List.of(type), AccountHandler.each(type, handler));
    }

    /**
     * Like {@link #subscribe}, for records that do not depend on each other (each is idempotent on its
     * own key and no order holds between them, e.g. conversions keyed by their action id): a record that
     * fails on its content is dead-lettered alone and its account is NOT parked, so the rest of the poll
     * and the account's later records are applied.
     */
    public Subscription subscribeIndependent(String purpose, Collection<Class<? extends IntegrationEvent>> types,
                                             AccountHandler handler) {
        return register(new Subscription(consumerName(purpose), names(types), handler, false));
    }

    private static Set<String> names(Collection<Class<? extends IntegrationEvent>> types) {
        Set<String> names = new HashSet<>();
        for (Class<? extends IntegrationEvent> type : types) {
            names.add(EventCatalog.nameOf(type));
        }
        return Set.copyOf(names);
    }

    private Subscription register(Subscription s) {
        if (subscriptions.putIfAbsent(s.consumer(), s) != null) {
            throw new IllegalStateException("two subscriptions named " + s.consumer());
        }
        return s;
    }

    public Optional<Subscription> subscription(String consumer) {
        return Optional.ofNullable(subscriptions.get(consumer));
    }

    /** Redeliveries dropped since start. */
    public long duplicatesSkipped() {
        return duplicatesSkipped.get();
    }

    /** Records parked since start. */
    public long parkedRecords() {
        return parkedRecords.get();
    }

    /**
     * Decodes a record into its integration event. Refuses (as malformed) a record that is not an
     * envelope of a known type, and one whose key, envelope account and payload account are not one.
     */
    public InboundEvent decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new MalformedMessageException("empty record value at " + where(record));
        }
        Envelope envelope;
        try {
            envelope = json.read(record.value(), Envelope.class);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("record at " + where(record) + " is not a JSON envelope: "
                    + e.getMessage(), e);
        }
        if (envelope.eventId() == null || envelope.eventId().isBlank() || envelope.type() == null
                || envelope.payload() == null || envelope.occurredAt() == null) {
            throw new MalformedMessageException("envelope at " + where(record)
                    + " lacks eventId, type, occurredAt or payload");
        }
        Class<? extends IntegrationEvent> type = TYPES.get(envelope.type());
        if (type == null) {
            throw new MalformedMessageException("unknown event type '" + envelope.type() + "' at " + where(record));
        }
        IntegrationEvent event;
        try {
            // A record published before a component was added to its type carries the value the type says it means.
            if (envelope.payload() instanceof ObjectNode payload) {
                EventCatalog.addedComponents(envelope.type()).forEach((name, value) -> {
                    if (!payload.has(name)) {
                        payload.set(name, json.tree(value));
                    }
                });
            }
            event = json.convert(envelope.payload(), type);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("payload of " + envelope.type() + " at " + where(record)
                    + " does not match its schema: " + e.getMessage(), e);
        }
        String key = record.key();
        if (key == null || !key.equals(event.accountId()) || !key.equals(envelope.accountId())) {
            throw new MalformedMessageException("accounts differ at " + where(record) + ": record key " + key
                    + ", envelope accountId " + envelope.accountId() + ", payload accountId " + event.accountId());
        }
        return new InboundEvent(envelope, event, record.topic(), record.partition(), record.offset());
    }

    /** One decoded (or undecodable) record of a poll. */
    private record Item(ConsumerRecord<String, String> record, InboundEvent event, RuntimeException malformed) {
        String account() {
            return record.key() == null ? "" : record.key();
        }
    }

    /** A consumer of one service for one purpose; see the class comment. */
    public final class Subscription {

        private final String consumer;
        private final Set<String> types;
        private final AccountHandler handler;
        /** False for {@link #subscribeIndependent}: a failed record parks nothing behind it. */
        private final boolean parks;

        private Subscription(String consumer, Set<String> types, AccountHandler handler, boolean parks) {
            this.consumer = consumer;
            this.types = types;
            this.handler = handler;
            this.parks = parks;
        }

        public String consumer() {
            return consumer;
        }

        /** Applies one poll; see the class comment. Throws only for infrastructure failures. */
        public void accept(List<ConsumerRecord<String, String>> records) {
            Map<String, List<Item>> byAccount = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                String headerType = header(record, "event-type");
                if (headerType != null && !types.contains(headerType)) {
                    continue;
                }
                Item item;
                try {
                    InboundEvent event = decode(record);
                    if (!types.contains(event.envelope().type())) {
                        continue;
                    }
                    item = new Item(record, event, null);
                } catch (MalformedMessageException e) {
                    item = new Item(record, null, e);
                }
                byAccount.computeIfAbsent(item.account(), a -> new ArrayList<>()).add(item);
            }
            if (byAccount.isEmpty()) {
                return;
            }
            Map<String, List<Item>> clean = new LinkedHashMap<>();
            Map<String, List<Item>> oneByOne = new LinkedHashMap<>();
            for (var entry : byAccount.entrySet()) {
                boolean anyMalformed = entry.getValue().stream().anyMatch(i -> i.malformed() != null);
                boolean validAccount = entry.getKey().matches("[A-Za-z0-9_-]{1,64}");
                (anyMalformed || !validAccount ? oneByOne : clean).put(entry.getKey(), entry.getValue());
            }
            if (!clean.isEmpty()) {
                try {
                    runner.runInAccounts(clean.keySet(), w -> applyAll(clean, w));
                } catch (RuntimeException e) {
                    if (Failures.isTransient(e)) {
                        throw e;
                    }
                    if (clean.size() == 1) {
                        oneByOne.putAll(clean);
                    } else {
                        for (var entry : clean.entrySet()) {
                            try {
                                runner.runInAccounts(List.of(entry.getKey()),
                                        w -> applyAll(Map.of(entry.getKey(), entry.getValue()), w));
                            } catch (RuntimeException perAccount) {
                                if (Failures.isTransient(perAccount)) {
                                    throw perAccount;
                                }
                                oneByOne.put(entry.getKey(), entry.getValue());
                            }
                        }
                    }
                }
            }
            oneByOne.forEach(this::applyOneByOne);
        }

        private void applyAll(Map<String, List<Item>> groups, Work work) {
            Set<String> parked = parks ? parkedAmong(groups.keySet()) : Set.of();
            List<InboundEvent> candidates = new ArrayList<>();
            Map<InboundEvent, String> traceOf = new java.util.IdentityHashMap<>();
            for (var entry : groups.entrySet()) {
                if (parked.contains(entry.getKey())) {
                    entry.getValue().forEach(i -> park(i.record()));
                } else {
                    entry.getValue().forEach(i -> {
                        candidates.add(i.event());
                        traceOf.put(i.event(), header(i.record(), Traces.HEADER));
                    });
                }
            }
            Map<String, List<InboundEvent>> fresh = fresh(candidates);
            fresh.forEach((account, events) -> applyTraced(account, events, work, traceOf));
        }

        /**
         * The handler for one account's fresh records, in a span continuing the first record's trace and
         * linking the other records' traces; the events it publishes for the account carry that span.
         */
        private void applyTraced(String account, List<InboundEvent> events, Work work,
                                 Map<InboundEvent, String> traceOf) {
            List<String> causes = events.stream().map(traceOf::get).filter(java.util.Objects::nonNull).distinct()
                    .toList();
            try (var span = traces.continueFrom(consumer, causes.isEmpty() ? null : causes.get(0), causes)) {
                work.traceAccount(account, span.traceparent());
                // In the continued trace: with DEBUG on, the trace id in this line ties it to the cause.
                log.debug("{}: applying {} record(s) of account {}", consumer, events.size(), account);
                try {
                    handler.apply(account, events, work);
                } catch (RuntimeException e) {
                    span.failed(e);
                    throw e;
                }
            }
        }

        /** The slow path for an account whose poll failed: each record in its own unit of work. */
        private void applyOneByOne(String account, List<Item> items) {
            boolean validAccount = account.matches("[A-Za-z0-9_-]{1,64}");
            for (Item item : items) {
                if (!validAccount || (!parks && item.malformed() != null)) {
                    // No account to lock or park (or nothing to park behind it): the record goes to the
                    // dead-letter topic alone.
                    deadLetters.deadLetter(consumer, item.record(), item.malformed() != null ? item.malformed()
                            : new MalformedMessageException("record key is not an account id: " + account));
                    continue;
                }
                try {
                    runner.runInAccounts(List.of(account), w -> {
                        if (parks && !parkedAmong(Set.of(account)).isEmpty()) {
                            park(item.record());
                        } else if (item.malformed() != null) {
                            deadLetterAndPark(account, item.record(), item.malformed());
                        } else {
                            Map<InboundEvent, String> traceOf = new java.util.IdentityHashMap<>();
                            traceOf.put(item.event(), header(item.record(), Traces.HEADER));
                            fresh(List.of(item.event())).forEach((a, events) -> applyTraced(a, events, w, traceOf));
                        }
                    });
                } catch (RuntimeException e) {
                    if (Failures.isTransient(e)) {
                        throw e;
                    }
                    if (parks) {
                        runner.runInAccounts(List.of(account), w -> deadLetterAndPark(account, item.record(), e));
                    } else {
                        deadLetters.deadLetter(consumer, item.record(), e);
                    }
                }
            }
        }

        private void deadLetterAndPark(String account, ConsumerRecord<String, String> record, Throwable cause) {
            long id = deadLetters.deadLetter(consumer, record, cause);
            jdbc.update("INSERT INTO parked_accounts (consumer, account_id, dead_letter_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", consumer, account, id);
            log.warn("account {} parked on {}: {} failed on its content ({})", account, consumer, where(record),
                    describe(cause));
        }

        private void park(ConsumerRecord<String, String> record) {
            jdbc.update("""
                    INSERT INTO parked_records (consumer, account_id, topic, partition_no, record_offset, record_key,
                                                record_value) VALUES (?, ?, ?, ?, ?, ?, ?)""", consumer, record.key(),
                    record.topic(), record.partition(), record.offset(), record.key(), record.value());
            parkedRecords.incrementAndGet();
        }

        private Set<String> parkedAmong(Set<String> accounts) {
            String[] ids = accounts.toArray(String[]::new);
            return new HashSet<>(jdbc.query(c -> {
                var ps = c.prepareStatement("SELECT account_id FROM parked_accounts WHERE consumer = ? "
                        + "AND account_id = ANY(?)");
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("text", ids));
                return ps;
            }, (rs, i) -> rs.getString(1)));
        }

        /**
         * Records every event id as processed by this consumer in one statement and returns the events
         * that were new, grouped by account in their order. A duplicate within the poll counts once.
         */
        private Map<String, List<InboundEvent>> fresh(List<InboundEvent> events) {
            Map<String, List<InboundEvent>> result = new LinkedHashMap<>();
            if (events.isEmpty()) {
                return result;
            }
            String[] ids = events.stream().map(InboundEvent::eventId).distinct().toArray(String[]::new);
            Set<String> inserted = new HashSet<>(jdbc.execute((ConnectionCallback<List<String>>) c -> {
                try (var ps = c.prepareStatement("INSERT INTO processed_messages (consumer, event_id) "
                        + "SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
                    ps.setString(1, consumer);
                    ps.setArray(2, c.createArrayOf("text", ids));
                    List<String> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                }
            }));
            for (InboundEvent e : events) {
                if (inserted.remove(e.eventId())) {
                    result.computeIfAbsent(e.accountId(), a -> new ArrayList<>()).add(e);
                } else {
                    duplicatesSkipped.incrementAndGet();
                }
            }
            return result;
        }

        private Map<String, Object> release(String account, boolean replayFirst) {
            return runner.inAccount(account, w -> {
                List<Long> deadLetter = jdbc.queryForList("SELECT dead_letter_id FROM parked_accounts "
                        + "WHERE consumer = ? AND account_id = ?", Long.class, consumer, account);
                if (deadLetter.isEmpty()) {
                    throw new DomainException.NotFound("account " + account + " is not parked on " + consumer);
                }
                long deadLetterId = deadLetter.get(0);
                List<InboundEvent> events = new ArrayList<>();
                if (replayFirst) {
                    var entry = deadLetters.find(deadLetterId).orElseThrow();
                    events.add(decode(new ConsumerRecord<>(entry.topic(), entry.partition(), entry.offset(),
                            entry.key(), entry.value())));
                }
                List<ConsumerRecord<String, String>> waiting = jdbc.query("""
                        SELECT topic, partition_no, record_offset, record_key, record_value FROM parked_records
                        WHERE consumer = ? AND account_id = ? ORDER BY id""", (rs, i) -> new ConsumerRecord<>(
                        rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
                        consumer, account);
                for (var r : waiting) {
                    events.add(decode(r));
                }
                fresh(events).forEach((a, list) -> handler.apply(a, list, w));
                jdbc.update("DELETE FROM parked_records WHERE consumer = ? AND account_id = ?", consumer, account);
                jdbc.update("DELETE FROM parked_accounts WHERE consumer = ? AND account_id = ?", consumer, account);
                jdbc.update("UPDATE dead_letters SET " + (replayFirst ? "replayed_at" : "discarded_at")
                        + " = now() WHERE id = ?", deadLetterId);
                log.info("account {} released on {} ({} the dead letter, {} waiting records applied)", account,
                        consumer, replayFirst ? "replayed" : "discarded", waiting.size());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("consumer", consumer);
                result.put("accountId", account);
                result.put(replayFirst ? "replayed" : "discarded", deadLetterId);
                result.put("applied", waiting.size());
                return result;
            });
        }
    }

    /** An account parked on a consumer, as shown to operators. */
    public record ParkedAccount(String consumer, String accountId, long deadLetterId, String error, Instant parkedAt,
                                long waitingRecords) {
    }

    /** Every parked account, oldest first. */
    public List<ParkedAccount> parked() {
        return parked(null);
    }

    /**
     * One page of the parked accounts ({@link Paging.Request#fetch()} at most), oldest first: by parked at,
     * consumer, account (unique and stable); {@code page} null: all of them.
     */
    public List<ParkedAccount> parked(Paging.Request page) {
        boolean after = page != null && !page.fromStart();
        List<Object> args = new ArrayList<>();
        if (after) {
            args.addAll(List.of(page.afterTimestamp(0), page.after(1), page.after(2)));
        }
        if (page != null) {
            args.add(page.fetch());
        }
        return jdbc.query("""
                SELECT p.consumer, p.account_id, p.dead_letter_id, d.error, p.parked_at,
                       (SELECT count(*) FROM parked_records r WHERE r.consumer = p.consumer AND r.account_id = p.account_id)
                FROM parked_accounts p JOIN dead_letters d ON d.id = p.dead_letter_id"""
                + (after ? " WHERE (p.parked_at, p.consumer, p.account_id) > (?, ?, ?)" : "")
                + " ORDER BY p.parked_at, p.consumer, p.account_id" + (page != null ? " LIMIT ?" : ""),
                (rs, i) -> new ParkedAccount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getLong(6)), args.toArray());
    }

    /** The paging cursor of {@code parked}: its place in {@link #parked(Paging.Request)}'s order. */
    public static String cursorOf(ParkedAccount parked) {
        return Paging.cursor(parked.parkedAt().toString(), parked.consumer(), parked.accountId());
    }

    public long parkedAccountCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM parked_accounts", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Releases a parked account: applies the dead letter again ({@code replay}) or drops it
     * ({@code !replay}), then the records that waited behind it, in order, in one unit of work. If that
     * fails the account stays parked and the failure is thrown.
     */
    public Map<String, Object> release(String consumer, String accountId, boolean replay) {
        Subscription s = subscriptions.get(consumer);
        if (s == null) {
            throw new DomainException.NotFound("no consumer " + consumer + " in this service");
        }
        return s.release(accountId, replay);
    }

    /**
     * Replays a dead letter after a fix: applies it again through the subscription that dead-lettered
     * it (deduplicated, in a unit of work under its account's lock), and if it parked its account, the
     * records that waited behind it, in order. Applied here rather than re-sent to its topic: the
     * service may not write a topic it only consumes (Kafka ACLs), and a re-sent record would land
     * behind records that came after it. A dead letter of a consumer this service no longer has is
     * re-sent to its topic. Throws if it fails again; nothing changes then.
     */
    public Map<String, Object> replay(long deadLetterId) {
        var entry = deadLetters.find(deadLetterId)
                .orElseThrow(() -> new DomainException.NotFound("no dead letter " + deadLetterId));
        var parking = parkedBy(deadLetterId);
        if (parking.isPresent()) {
            return release(parking.get().consumer(), parking.get().accountId(), true);
        }
        Subscription s = subscriptions.get(entry.consumer());
        if (s == null || entry.key() == null || !entry.key().matches("[A-Za-z0-9_-]{1,64}")) {
            return deadLetters.replay(deadLetterId);
        }
        return runner.inAccount(entry.key(), w -> {
            InboundEvent event = decode(new ConsumerRecord<>(entry.topic(), entry.partition(), entry.offset(),
                    entry.key(), entry.value()));
            s.fresh(List.of(event)).forEach((a, events) -> s.handler.apply(a, events, w));
            jdbc.update("UPDATE dead_letters SET replayed_at = now() WHERE id = ?", deadLetterId);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("replayed", deadLetterId);
            result.put("consumer", entry.consumer());
            result.put("accountId", entry.key());
            return result;
        });
    }

    /** The dead letter that parks an account, if any. */
    public Optional<ParkedAccount> parkedBy(long deadLetterId) {
        return parked().stream().filter(p -> p.deadLetterId() == deadLetterId).findFirst();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers() == null ? null : record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
