package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What the chaos journey checks at the end, from the event streams as published (Kafka), the read models (HTTP)
 * and the services' own tables. Each finding is a line; lost and doubled are counted.
 */
final class ChaosChecks {

    record Outcome(long lost, long doubled, List<String> failures) {
    }

    /** Each source's summary events: the one that meets the precondition, the one that does not. */
    private record Source(String topic, String met, String unmet) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(Topics.CONTRACTS, "ContractsExpired", "ActiveContractsPresent"),
            new Source(Topics.PAYOUTS, "PayoutsSettled", "PayoutsPending"),
            new Source(Topics.FUNDING, "FundingSufficient", "FundingInsufficient"),
            new Source(Topics.CATALOG, "CatalogsDeleted", "CatalogsPresent"));
    private static final List<String> ONCE_PER_BRAND = List.of("ClosureInitiated", "AccountDeactivated",
            "AccountClosed", "ClosureCancelled", "RefundIssued");
    private static final List<String> ONCE_PER_ACTION = List.of("ActionTracked", "ActionApproved", "ActionLocked",
            "ActionCleared", "ActionReversed", "ActionRejected");
    private static final List<String> TERMINAL = List.of("ActionCleared", "ActionReversed", "ActionRejected");

    private final RunningSystem system;
    private final Events events;
    private final List<ChaosJourneyTest.ChaosBrand> brands;
    private final Duration patience;
    private final List<String> failures = new ArrayList<>();
    private long lost;
    private long doubled;

    private final String poisoned;

    ChaosChecks(RunningSystem system, List<ChaosJourneyTest.ChaosBrand> brands, String poisoned, Duration patience) {
        this.system = system;
        this.poisoned = poisoned;
        this.events = system.events;
        this.brands = brands;
        this.patience = patience;
    }

    Outcome run() throws SQLException {
        endStates();
        parking();
        lost();
        doubledOnKafka();
        doubledInTheStores();
        for (var b : brands) {
            if (!b.script.cancels()) {
                money(b);
                safety(b);
            }
        }
        return new Outcome(lost, doubled, List.copyOf(failures));
    }

    /** Every brand where its script leads; one that is not says where it is and whether it is flagged overdue. */
    private void endStates() {
        try {
            await("every brand at its script's end").atMost(patience).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> brands.stream().allMatch(b -> b.script.end().equals(state(b))));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            for (var b : brands) {
                var closure = b.brand.closure();
                if (!b.script.end().equals(closure.path("state").asString())) {
                    failures.add(b.account() + " " + b.script + " is " + closure.path("state").asString() + " not "
                            + b.script.end() + " (overdue " + closure.path("overdue").asBoolean() + ", waiting on "
                            + closure.path("waitingOn") + ")");
                }
            }
        }
    }

    private String state(ChaosJourneyTest.ChaosBrand b) {
        return b.brand.closure().path("state").asString();
    }

    /**
     * The poison records parked their own account on every service (each consumes a poisoned topic) and nothing
     * else: no brand's account is parked on any consumer (a fault taken for bad content would park one).
     */
    private void parking() throws SQLException {
        Set<String> accounts = brands.stream().map(ChaosJourneyTest.ChaosBrand::account).collect(Collectors.toSet());
        for (String module : Faults.MODULES) {
            List<String> parkedBrands = query(module,
                    "SELECT consumer || ' ' || account_id FROM parked_accounts WHERE account_id = ANY(?)", accounts);
            if (!parkedBrands.isEmpty()) {
                failures.add(module + ": brand accounts parked: " + parkedBrands);
            }
            try {
                await(module + " parks the poisoned account").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> !query(module, "SELECT consumer FROM parked_accounts WHERE account_id = ANY(?)",
                                Set.of(poisoned)).isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                failures.add(module + ": the poison records of " + poisoned + " parked nothing");
            }
        }
    }

    /**
     * No event id missing from Kafka for an outbox row the services committed (the rows still kept; a parked row
     * was refused by Kafka and counts as lost until an operator re-sends it).
     */
    private void lost() throws SQLException {
        Set<String> accounts = brands.stream().map(ChaosJourneyTest.ChaosBrand::account).collect(Collectors.toSet());
        for (String module : Faults.MODULES) {
            List<String> rows = query(module, "SELECT event_id::text FROM outbox WHERE message_key = ANY(?)", accounts);
            List<String> parked = query(module, "SELECT event_id::text FROM outbox_parked WHERE message_key = ANY(?)",
                    accounts);
            List<String> missing = new ArrayList<>(rows);
            try {
                await(module + "'s outbox on Kafka").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            Set<String> published = publishedIds(accounts);
                            missing.removeIf(published::contains);
                            return missing.isEmpty();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                failures.add(module + ": " + missing.size() + " committed outbox rows never reached Kafka, e.g. "
                        + missing.stream().limit(5).toList());
            }
            if (!parked.isEmpty()) {
                failures.add(module + ": " + parked.size() + " outbox rows parked, e.g. " + parked.stream().limit(5).toList());
            }
            lost += missing.size() + parked.size();
        }
    }

    private Set<String> publishedIds(Set<String> accounts) {
        return system.kafka.records(r -> accounts.contains(r.key())).stream()
                .map(r -> com.brandclosure.testkit.KafkaProbe.header(r, "event-id"))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** One event id per brand for each closure step and refund, one per action for each action step. */
    private void doubledOnKafka() {
        for (var b : brands) {
            for (String type : ONCE_PER_BRAND) {
                String topic = type.equals("RefundIssued") ? Topics.FUNDING : Topics.CLOSURE;
                long n = events.distinct(topic, b.account(), type);
                if (n > 1) {
                    doubled += n - 1;
                    failures.add(b.account() + ": " + n + " " + type);
                }
            }
            for (String type : ONCE_PER_ACTION) {
                Map<String, Set<String>> perAction = events.all(Topics.PAYOUTS, b.account(), type).stream()
                        .collect(Collectors.groupingBy(e -> e.text("actionId"),
                                Collectors.mapping(Events.Event::eventId, Collectors.toSet())));
                perAction.forEach((action, ids) -> {
                    if (ids.size() > 1) {
                        doubled += ids.size() - 1;
                        failures.add(b.account() + ": " + ids.size() + " " + type + " for " + action);
                    }
                });
            }
            for (String id : b.actions) {
                expectFor(b, "ActionTracked", id);
            }
            if (!b.script.cancels()) {
                expectOne(b, Topics.CLOSURE, "AccountDeactivated");
                expectOne(b, Topics.CLOSURE, "AccountClosed");
                expectOne(b, Topics.FUNDING, "RefundIssued");
                for (String id : b.approved) {
                    expectFor(b, "ActionLocked", id);
                    expectFor(b, "ActionCleared", id);
                }
                for (String id : b.reversed) {
                    expectFor(b, "ActionReversed", id);
                }
            } else {
                expectOne(b, Topics.CLOSURE, "ClosureCancelled");
                if (events.distinct(Topics.CLOSURE, b.account(), "AccountDeactivated") > 0) {
                    failures.add(b.account() + " cancelled its closure and was deactivated");
                }
            }
        }
    }

    private void expectOne(ChaosJourneyTest.ChaosBrand b, String topic, String type) {
        if (events.distinct(topic, b.account(), type) == 0) {
            failures.add(b.account() + " " + b.script + ": no " + type);
        }
    }

    private void expectFor(ChaosJourneyTest.ChaosBrand b, String type, String actionId) {
        if (events.all(Topics.PAYOUTS, b.account(), type).stream().noneMatch(e -> actionId.equals(e.text("actionId")))) {
            failures.add(b.account() + ": no " + type + " for " + actionId);
        }
    }

    /**
     * Every consumed event has one effect per consumer: in each service's event store, no stream holds two events
     * of one type caused by the same inbound event (a redelivery applied twice would).
     */
    private void doubledInTheStores() throws SQLException {
        Set<String> accounts = brands.stream().map(ChaosJourneyTest.ChaosBrand::account).collect(Collectors.toSet());
        for (String module : Faults.MODULES) {
            // One inbound event may cause several events of a type in one stream, one per thing it names (a
            // deactivation locks every cost of the account's funding stream): those are told apart by the id of
            // the thing. An event that names no thing (a status noted, a summary) is left out: a consumer
            // applies a poll's events of an account as one unit caused by the last of them, so a poll that
            // brings "settled, pending, settled" rightly notes "settled" twice under one cause.
            List<String> groups = query(module, """
                    SELECT stream_id || ' ' || event_type || ' x' || count(*) || ' caused by ' || causation_id
                           || ' for ' || subject
                    FROM (SELECT stream_id, event_type, causation_id,
                                 COALESCE(payload->>'actionId', payload->>'contractId', payload->>'catalogId',
                                          payload->>'depositId', payload->>'chargeId') AS subject
                          FROM events WHERE account_id = ANY(?) AND causation_id IS NOT NULL) e
                    WHERE subject IS NOT NULL
                    GROUP BY stream_id, event_type, causation_id, subject HAVING count(*) > 1""", accounts);
            for (String g : groups) {
                doubled += Long.parseLong(g.replaceAll(".* x(\\d+) caused by .*", "$1").strip()) - 1;
            }
            if (!groups.isEmpty()) {
                failures.add(module + ": " + groups.size() + " effects applied twice, e.g. " + groups.stream().limit(5).toList());
            }
        }
    }

    /**
     * Deposits cleared − deposits failed − partner costs paid − fees − refund = 0, and the refund came after every
     * action of the account was settled for good (cleared, reversed or rejected).
     */
    private void money(ChaosJourneyTest.ChaosBrand b) {
        String a = b.account();
        long in = sum(Topics.FUNDING, a, "DepositCleared", "amountMinor") - sum(Topics.FUNDING, a, "DepositFailed", "amountMinor");
        long paid = sum(Topics.PAYOUTS, a, "ActionCleared", "costMinor");
        long fees = sum(Topics.FUNDING, a, "ChargeBilled", "amountMinor");
        long refund = sum(Topics.FUNDING, a, "RefundIssued", "amountMinor");
        if (in - paid - fees - refund != 0) {
            failures.add(a + ": money does not add up: deposits " + in + " − costs " + paid + " − fees " + fees
                    + " − refund " + refund + " = " + (in - paid - fees - refund));
        }
        if (paid != b.approvedCosts()) {
            failures.add(a + ": paid " + paid + " for approved costs of " + b.approvedCosts());
        }
        if (refund != in - b.approvedCosts()) {
            failures.add(a + ": refunded " + refund + " of " + in + " deposited, with " + b.approvedCosts() + " of approved costs");
        }
        var refunds = events.all(Topics.FUNDING, a, "RefundIssued");
        if (refunds.isEmpty()) {
            return;
        }
        Instant refundAt = refunds.getFirst().envelope().occurredAt();
        Set<String> tracked = new HashSet<>();
        events.all(Topics.PAYOUTS, a, "ActionTracked").forEach(e -> tracked.add(e.text("actionId")));
        Map<String, Instant> settledAt = new java.util.HashMap<>();
        for (String type : TERMINAL) {
            for (var e : events.all(Topics.PAYOUTS, a, type)) {
                settledAt.merge(e.text("actionId"), e.envelope().occurredAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        for (String action : tracked) {
            Instant at = settledAt.get(action);
            if (at == null || at.isAfter(refundAt)) {
                failures.add(a + ": refund issued at " + refundAt + " while " + action + " was unsettled (settled "
                        + at + ")");
            }
        }
    }

    private long sum(String topic, String account, String type, String field) {
        // By event id: a re-sent record is the same money.
        return events.all(topic, account, type).stream()
                .collect(Collectors.toMap(Events.Event::eventId, e -> e.payload().get(field).asLong(), (x, y) -> x))
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * No AccountDeactivated while a precondition was false by its source's own word at that moment (the last
     * summary it had published by then), and none on or before the last lock date.
     */
    private void safety(ChaosJourneyTest.ChaosBrand b) {
        var deactivations = events.all(Topics.CLOSURE, b.account(), "AccountDeactivated");
        if (deactivations.isEmpty()) {
            return;
        }
        Instant at = deactivations.getFirst().envelope().occurredAt();
        for (Source source : SOURCES) {
            var last = lastBefore(b.account(), source, at);
            if (last == null || !last.type().equals(source.met())) {
                failures.add(b.account() + ": deactivated at " + at + " while " + source.topic() + " said "
                        + (last == null ? "nothing" : last.type() + " v" + last.payload().path("sourceVersion").asLong()));
            }
            if (last != null && last.type().equals("PayoutsSettled")) {
                // The latest lock date payouts named by then (once every action is locked it names none: nothing
                // is left to lock, and the date it named last has passed).
                events.all(Topics.PAYOUTS, b.account(), "PayoutsSettled").stream()
                        .filter(e -> !e.envelope().occurredAt().isAfter(at) && e.text("lastLockDate") != null)
                        .map(e -> LocalDate.parse(e.text("lastLockDate"))).max(Comparator.naturalOrder())
                        .filter(lockDate -> !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(lockDate))
                        .ifPresent(lockDate -> failures.add(b.account() + ": deactivated at " + at
                                + ", not after the last lock date " + lockDate));
            }
        }
    }

    private Events.Event lastBefore(String account, Source source, Instant at) {
        List<Events.Event> said = new ArrayList<>(events.all(source.topic(), account, source.met()));
        said.addAll(events.all(source.topic(), account, source.unmet()));
        return said.stream().filter(e -> !e.envelope().occurredAt().isAfter(at))
                .max(Comparator.comparingLong(e -> e.payload().path("sourceVersion").asLong())).orElse(null);
    }

    private List<String> query(String module, String sql, Set<String> accounts) throws SQLException {
        var infrastructure = system.infrastructure;
        try (Connection c = DriverManager.getConnection(infrastructure.jdbcUrl(RunningSystem.DATABASES.get(module)),
                infrastructure.postgresUser(), infrastructure.postgresPassword());
             var statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("text", accounts.toArray()));
            try (var rs = statement.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
