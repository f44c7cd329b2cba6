package com.brandclosure.simulation;

import com.brandclosure.catalog.messaging.CatalogPublication;
import com.brandclosure.closure.messaging.ClosurePublications;
import com.brandclosure.contracts.messaging.ContractsPublication;
import com.brandclosure.events.AccountClosed;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.FinalReviewApproved;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.messaging.FundingPublication;
import com.brandclosure.payouts.messaging.PayoutsPublication;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.outbox.Envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One run of the whole closure for one seed: the five services' stores ({@link SimStore}), the
 * simulated broker ({@link Bus}), the consumers, the durable timers and the clock, and the faults
 * the seed injects. The services' glue (their application layer, reproduced over the domain) is in
 * {@link Services}; the brands' and support's commands in {@link Brands}; what must hold in
 * {@link Invariants}. Everything random comes from one {@link SplittableRandom} seeded with the seed,
 * and nothing else is read (no clock, no hash order of identity), so a seed replays exactly.
 */
final class World {

    enum Fault { NONE, CRASH_BEFORE_COMMIT, CRASH_AFTER_COMMIT }

    /** Thrown when an invariant does not hold; the trace says how the seed got there. */
    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message);
        }
    }

    static final int CHAOS_STEPS = 260;
    static final int CALM_STEP_LIMIT = 20_000;
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    final long seed;
    final SplittableRandom rnd;
    final List<String> trace = new ArrayList<>();
    Instant now;
    boolean faults;
    long ids;

    final Bus bus = new Bus();
    final SimStore contracts = new SimStore("contracts-service", Topics.CONTRACTS, ContractsPublication::announce);
    final SimStore payouts = new SimStore("payouts-service", Topics.PAYOUTS, PayoutsPublication::announce);
    final SimStore funding = new SimStore("funding-service", Topics.FUNDING, FundingPublication::announce);
    final SimStore catalog = new SimStore("catalog-service", Topics.CATALOG, CatalogPublication::announce);
    final SimStore closure = new SimStore("closure-orchestrator", Topics.CLOSURE, ClosurePublications::announce);
    final List<SimStore> stores = List.of(contracts, payouts, funding, catalog, closure);
    final List<Consumer> consumers = new ArrayList<>();
    /** Records the outbox relay will send a second time later (it sent, crashed before marking them sent). */
    final List<Bus.Record> resends = new ArrayList<>();

    /** What the seed injected and what it led to, for the run's summary line. */
    final java.util.Map<String, Integer> counts = new java.util.TreeMap<>();

    void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    final Services services;
    final Brands brands;
    final Invariants invariants;

    World(long seed, int brandCount, Services.Variant variant) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
        this.now = START.plusSeconds(rnd.nextLong(0, 3 * 24 * 3600));
        this.services = new Services(this, variant);
        this.invariants = new Invariants(this);
        this.brands = new Brands(this, brandCount);
        services.registerConsumers();
        if (variant == Services.Variant.NO_INBOX_DEDUP) {
            consumers.forEach(c -> c.dedup = false);
        }
    }

    /** Runs the seed to its end: setup, the faulty phase, the calm phase, the final checks. */
    void run() {
        faults = false;
        brands.setup();
        faults = true;
        trace("--- faults on");
        for (int step = 0; step < CHAOS_STEPS; step++) {
            advanceClock();
            int r = rnd.nextInt(100);
            if (r < 45) {
                deliver();
            } else if (r < 60) {
                fireDueTimer();
            } else if (r < 92) {
                brands.actAtRandom();
            } else if (!resends.isEmpty()) {
                var record = resends.remove(rnd.nextInt(resends.size()));
                var again = bus.resend(record);
                count("resent");
                trace("relay re-sends " + describe(again));
            }
        }
        faults = false;
        trace("--- faults off");
        for (var record : resends) {
            trace("relay re-sends " + describe(bus.resend(record)));
        }
        resends.clear();
        calm();
        invariants.atEnd();
    }

    /** Without faults: deliver everything, fire what is due, let the brands finish, move time on; until nothing is left. */
    private void calm() {
        for (int i = 0; i < CALM_STEP_LIMIT; i++) {
            if (deliver() || fireDueTimer() || brands.actTowardsGoal()) {
                continue;
            }
            Instant next = null;
            for (SimStore s : stores) {
                for (var t : s.timers.values()) {
                    next = next == null || t.at().isBefore(next) ? t.at() : next;
                }
            }
            if (next == null) {
                trace("--- quiescent at " + now);
                return;
            }
            // Timers fire late, never early.
            Instant late = next.plusSeconds(rnd.nextLong(0, 120));
            now = late.isAfter(now) ? late : now;
        }
        throw new Violation("liveness: the simulation did not settle within " + CALM_STEP_LIMIT + " calm steps");
    }

    private void advanceClock() {
        int r = rnd.nextInt(100);
        long seconds = r < 70 ? rnd.nextLong(1, 600) : r < 95 ? rnd.nextLong(3600, 12 * 3600)
                : rnd.nextLong(24 * 3600, 5 * 24 * 3600);
        now = now.plusSeconds(seconds);
    }

    // ------------------------------------------------------------------------------------------
    // faults, ids, trace
    // ------------------------------------------------------------------------------------------

    Fault fault() {
        if (!faults) {
            return Fault.NONE;
        }
        int r = rnd.nextInt(100);
        return r < 6 ? Fault.CRASH_BEFORE_COMMIT : r < 12 ? Fault.CRASH_AFTER_COMMIT : Fault.NONE;
    }

    String nextId(String prefix) {
        return prefix + (++ids);
    }

    UUID nextUuid() {
        return new UUID(seed, ++ids);
    }

    void trace(String line) {
        trace.add(now + " " + line);
    }

    static String describe(Bus.Record r) {
        return r.topic() + "[" + r.key() + "]@" + r.offset() + " " + r.event().getClass().getSimpleName() + " "
                + r.eventId().substring(r.eventId().length() - 6);
    }

    // ------------------------------------------------------------------------------------------
    // units of work
    // ------------------------------------------------------------------------------------------

    /**
     * A person's (or an outside system's) command to {@code store}: refused (the person sees a 4xx and
     * nothing changed), lost in a crash before commit (a 5xx, nothing changed), or committed (also
     * when the answer is lost in a crash right after).
     */
    boolean command(String actor, SimStore store, String what, java.util.function.Consumer<Unit> work) {
        Unit unit = new Unit(store, now, actor, what);
        try {
            work.accept(unit);
        } catch (DomainException e) {
            count("refused");
            trace(actor + " " + what + ": refused (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return false;
        }
        Fault f = fault();
        if (f != Fault.NONE) {
            count(f.name().toLowerCase());
        }
        if (f == Fault.CRASH_BEFORE_COMMIT) {
            trace(actor + " " + what + ": " + store.service + " crashed before commit");
            return false;
        }
        int appended = commit(unit).size();
        trace(actor + " " + what + ": committed " + appended + " event(s)"
                + (f == Fault.CRASH_AFTER_COMMIT ? ", crash after commit" : ""));
        return true;
    }

    /** Appends the unit's events, writes its rows and timers, and puts its integration events on the bus. */
    List<Appended> commit(Unit unit) {
        SimStore store = unit.store;
        List<Appended> all = new ArrayList<>();
        for (Unit.Handle<?, ?, ?> h : unit.handles.values()) {
            if (h.staged.isEmpty()) {
                continue;
            }
            SimStore.Stored stored = store.streams.get(h.streamId);
            if (stored == null) {
                stored = new SimStore.Stored(h.accountId, h.decider.initialState());
                store.addStream(h.streamId, stored);
            }
            if (stored.version() != h.loadedVersion) {
                throw new IllegalStateException("concurrent append to " + h.streamId);
            }
            for (int i = 0; i < h.staged.size(); i++) {
                stored.events.add(h.staged.get(i));
                stored.state = h.stagedStates.get(i);
                var metadata = new EventMetadata(nextUuid(), unit.actor, unit.cause, unit.cause, now);
                all.add(new Appended(h.streamId, h.accountId, stored.version(), h.staged.get(i), metadata,
                        stored.state));
            }
        }
        store.rows.putAll(unit.rowWrites);
        unit.timerCancels.forEach(store.timers::remove);
        unit.timerSets.forEach(store.timers::put);
        List<Bus.Record> out = new ArrayList<>();
        for (Appended a : all) {
            List<IntegrationEvent> announced = store.publication.apply(a);
            for (int i = 0; i < announced.size(); i++) {
                // The platform's rule: the first announcement carries the stored event's id, the others one derived from it.
                String id = i == 0 ? a.metadata().eventId().toString()
                        : UUID.nameUUIDFromBytes((a.metadata().eventId() + "/" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                out.add(bus.append(store.topic, announced.get(i).accountId(), id, announced.get(i), now, unit.actor));
            }
        }
        for (var p : unit.published) {
            out.add(bus.append(p.topic(), p.event().accountId(), nextUuid().toString(), p.event(), now, unit.actor));
        }
        store.appended.addAll(all);
        invariants.afterCommit(store, all);
        if (faults) {
            for (var r : out) {
                if (rnd.nextInt(100) < 5) {
                    resends.add(r);
                }
            }
        }
        return all;
    }

    // ------------------------------------------------------------------------------------------
    // delivery
    // ------------------------------------------------------------------------------------------

    /** Delivers one poll to one consumer: the next records of one (topic, key) log it has not committed past. */
    boolean deliver() {
        List<Object[]> ready = new ArrayList<>();
        for (Consumer c : consumers) {
            for (String topic : c.topics) {
                for (String logKey : bus.logKeys(topic)) {
                    if (c.position(logKey) < bus.log(logKey).size()) {
                        ready.add(new Object[]{c, logKey});
                    }
                }
            }
        }
        if (ready.isEmpty()) {
            return false;
        }
        Object[] pick = ready.get(rnd.nextInt(ready.size()));
        Consumer c = (Consumer) pick[0];
        String logKey = (String) pick[1];
        List<Bus.Record> log = bus.log(logKey);
        int from = c.position(logKey);
        int to = Math.min(log.size(), from + 1 + rnd.nextInt(faults ? 3 : 6));
        poll(c, logKey, log.subList(from, to));
        return true;
    }

    private void poll(Consumer c, String logKey, List<Bus.Record> records) {
        String account = records.getFirst().key();
        List<InboundEvent> fresh = new ArrayList<>();
        Set<String> inPoll = new HashSet<>();
        for (Bus.Record r : records) {
            if (!c.subscribes(r.event())) {
                continue;
            }
            if (c.dedup && (c.inbox.contains(r.eventId()) || !inPoll.add(r.eventId()))) {
                count("redelivery dropped");
                continue;
            }
            fresh.add(inbound(r));
        }
        String what = c.name + " polls " + records.size() + " from " + logKey + " (" + fresh.size() + " new: "
                + fresh.stream().map(e -> e.event().getClass().getSimpleName()).toList() + ")";
        Unit unit = new Unit(c.store, now, c.store.service, records.getFirst().eventId());
        if (!fresh.isEmpty()) {
            try {
                c.handler.handle(unit, account, fresh);
            } catch (DomainException | IllegalArgumentException e) {
                // The platform would dead-letter the record and park the account on this consumer.
                trace(what + ": FAILED " + e);
                throw new Violation("consumer " + c.name + " could not apply " + fresh + ": " + e);
            }
        }
        Fault f = fault();
        if (f != Fault.NONE) {
            count(f.name().toLowerCase());
        }
        if (f == Fault.CRASH_BEFORE_COMMIT) {
            trace(what + ": crashed before commit, redelivered later");
            return;
        }
        commit(unit);
        for (InboundEvent e : fresh) {
            c.inbox.add(e.eventId());
            invariants.effect(c, e.eventId());
        }
        if (f == Fault.CRASH_AFTER_COMMIT) {
            trace(what + ": committed, crashed before the offset commit, redelivered later");
            return;
        }
        c.positions.put(logKey, c.position(logKey) + records.size());
        trace(what);
    }

    static InboundEvent inbound(Bus.Record r) {
        var envelope = new Envelope(r.eventId(), r.event().getClass().getSimpleName(), 1, r.key(), r.occurredAt(),
                r.actor(), r.eventId(), null, null);
        return new InboundEvent(envelope, r.event(), r.topic(), r.partition(), r.offset());
    }

    // ------------------------------------------------------------------------------------------
    // timers
    // ------------------------------------------------------------------------------------------

    /** Fires one due timer of one service, chosen at random: late by however long it waited, never early. */
    boolean fireDueTimer() {
        List<Object[]> due = new ArrayList<>();
        for (SimStore s : stores) {
            for (var t : s.timers.values()) {
                if (!t.at().isAfter(now)) {
                    due.add(new Object[]{s, t});
                }
            }
        }
        if (due.isEmpty()) {
            return false;
        }
        Object[] pick = due.get(rnd.nextInt(due.size()));
        SimStore store = (SimStore) pick[0];
        SimStore.Timer timer = (SimStore.Timer) pick[1];
        String what = store.service + " timer " + timer.kind() + " " + timer.id() + " (due " + timer.at() + ")";
        Unit unit = new Unit(store, now, "timer:" + timer.kind(), timer.key());
        services.fire(unit, timer);
        if (now.isAfter(timer.at())) {
            count("timer late");
        }
        Fault f = fault();
        if (f != Fault.NONE) {
            count(f.name().toLowerCase());
        }
        if (f == Fault.CRASH_BEFORE_COMMIT) {
            trace(what + ": crashed before commit, fires again");
            return true;
        }
        commit(unit);
        if (f == Fault.CRASH_AFTER_COMMIT) {
            trace(what + ": committed, crashed before the timer was marked done, fires again");
            return true;
        }
        if (!unit.timerSets.containsKey(timer.key()) && timer.equals(store.timers.get(timer.key()))) {
            store.timers.remove(timer.key());
        }
        trace(what);
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // consumers
    // ------------------------------------------------------------------------------------------

    void consumer(String name, SimStore store, List<String> topics, List<Class<? extends IntegrationEvent>> types,
                  Consumer.Handler handler) {
        consumers.add(new Consumer(name, store, topics, types, handler));
    }

    static final List<Class<? extends IntegrationEvent>> CLOSURE_EVENTS =
            List.of(AccountDeactivated.class, AccountClosed.class);
    static final List<Class<? extends IntegrationEvent>> FENCE = List.of(FinalReviewApproved.class);
    static final List<Class<? extends IntegrationEvent>> STATE_REPORTS = List.of(StateReportRequested.class);
}
