package com.brandclosure.closure.ops;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.Fact;
import com.brandclosure.closure.domain.Initiation;
import com.brandclosure.closure.domain.Precondition;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.platform.command.Work;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The closures' metrics:
 * <ul>
 * <li>{@code closures.by.state} (gauge, tag {@code state}): closures per state, from the read model;</li>
 * <li>{@code closures.overdue} (gauge, tag {@code state}; {@code closures_overdue} in Prometheus): closures past
 * their state's deadline ({@code Deadlines}), from the read model;</li>
 * <li>{@code closure.transitions} (counter, tags {@code from}, {@code to}): state changes of the sagas;</li>
 * <li>{@code closure.initiation.to.deactivation} (timer with histogram): initiation to AccountDeactivated;</li>
 * <li>{@code closure.last.precondition.to.request} (timer with histogram): from the moment the
 * source said the last precondition holds (its event's occurredAt) to ClosureRequested. Where the
 * lock date or the initiation came later than the last precondition, that wait is part of it.</li>
 * <li>{@code closure.drift} (counter, tag {@code source}: the precondition; {@code closure_drift_total} in
 * Prometheus, alert {@code ClosureDrift}): drifts a reconciliation found ({@code DriftDetected}), each
 * source's series exported from the start at 0.</li>
 * </ul>
 * Events are counted after their transaction commits, so a retried transaction counts once.
 */
@Component
public class ClosureMetrics implements MeterBinder {

    /** Every state a closure row can be in. */
    public static final List<String> STATES = Arrays.stream(AccountClosureState.class.getPermittedSubclasses())
            .map(Class::getSimpleName).filter(n -> !n.equals("NotInitiated")).toList();
    private static final Duration CACHE = Duration.ofSeconds(2);

    private final ClosureProjection projection;
    private final Clock clock;
    private volatile MeterRegistry registry;
    private volatile Timer initiationToDeactivation;
    private volatile Timer lastPreconditionToRequest;
    private volatile Map<Precondition, Counter> drifts = Map.of();
    private volatile Map<String, Long> byState = Map.of();
    private volatile Instant byStateAt = Instant.EPOCH;
    private volatile Map<String, Long> overdueByState = Map.of();
    private volatile Instant overdueAt = Instant.EPOCH;

    public ClosureMetrics(ClosureProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : STATES) {
            Gauge.builder("closures.by.state", this, m -> m.countIn(state)).tag("state", state)
                    .description("closures per state").register(registry);
            Gauge.builder("closures.overdue", this, m -> m.overdueIn(state)).tag("state", state)
                    .description("closures past their state's deadline").register(registry);
        }
        initiationToDeactivation = Timer.builder("closure.initiation.to.deactivation")
                .description("time from a closure's initiation to the account's deactivation")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(120)).register(registry);
        lastPreconditionToRequest = Timer.builder("closure.last.precondition.to.request")
                .description("delay from the last precondition met (at its source) to ClosureRequested")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofDays(30)).register(registry);
        var counters = new java.util.EnumMap<Precondition, Counter>(Precondition.class);
        for (Precondition source : Precondition.values()) {
            counters.put(source, Counter.builder("closure.drift")
                    .description("a source's reconciliation answer contradicted the saga's fact")
                    .tag("source", source.name()).register(registry));
        }
        drifts = counters;
        this.registry = registry;
    }

    private double countIn(String state) {
        Instant now = clock.instant();
        if (Duration.between(byStateAt, now).compareTo(CACHE) >= 0) {
            byState = projection.countsByState();
            byStateAt = now;
        }
        return byState.getOrDefault(state, 0L);
    }

    private double overdueIn(String state) {
        Instant now = clock.instant();
        if (Duration.between(overdueAt, now).compareTo(CACHE) >= 0) {
            overdueByState = projection.countsOverdueByState();
            overdueAt = now;
        }
        return overdueByState.getOrDefault(state, 0L);
    }

    /** What one decision did: its state changes and the durations it ends. */
    record Observation(List<String[]> transitions, Duration initiationToDeactivation, Duration lastPreconditionToRequest,
                       List<Precondition> drifts) {
    }

    static Observation observe(AccountClosureState before, List<AccountClosureEvent> decided) {
        List<String[]> transitions = new ArrayList<>();
        Duration toDeactivation = null;
        Duration toRequest = null;
        List<Precondition> drifts = new ArrayList<>();
        AccountClosureState s = before;
        for (AccountClosureEvent e : decided) {
            AccountClosureState next = AccountClosure.evolve(s, e);
            if (!next.name().equals(s.name())) {
                transitions.add(new String[] {s.name(), next.name()});
            }
            if (e instanceof AccountClosureEvent.AccountDeactivated d) {
                Initiation initiation = AccountClosure.initiation(s);
                if (initiation != null) {
                    toDeactivation = nonNegative(Duration.between(initiation.at(), d.at()));
                }
            }
            if (e instanceof AccountClosureEvent.DriftDetected d) {
                drifts.add(d.source());
            }
            if (e instanceof AccountClosureEvent.ClosureRequested r) {
                Instant lastMet = s.ledger().facts().latest().values().stream().filter(Fact::holds)
                        .map(f -> f.source().occurredAt()).max(Instant::compareTo).orElse(null);
                if (lastMet != null) {
                    toRequest = nonNegative(Duration.between(lastMet, r.at()));
                }
            }
            s = next;
        }
        return new Observation(transitions, toDeactivation, toRequest, List.copyOf(drifts));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Records what {@code decided} did once {@code work} commits (a unit run again counts once). */
    public void recordAfterCommit(Work work, AccountClosureState before, List<AccountClosureEvent> decided) {
        Observation observation = observe(before, decided);
        if (observation.transitions().isEmpty() && observation.initiationToDeactivation() == null
                && observation.lastPreconditionToRequest() == null && observation.drifts().isEmpty()) {
            return;
        }
        work.afterCommit(() -> record(observation));
    }

    private void record(Observation o) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        for (String[] t : o.transitions()) {
            Counter.builder("closure.transitions").description("state changes of closures")
                    .tag("from", t[0]).tag("to", t[1]).register(r).increment();
        }
        if (o.initiationToDeactivation() != null) {
            initiationToDeactivation.record(o.initiationToDeactivation());
        }
        if (o.lastPreconditionToRequest() != null) {
            lastPreconditionToRequest.record(o.lastPreconditionToRequest());
        }
        o.drifts().forEach(source -> drifts.get(source).increment());
    }
}
