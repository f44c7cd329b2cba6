package com.brandclosure.closure;

import com.brandclosure.closure.application.ReconciliationTimer;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler (issue 14) on the real broker and database: a source's summary event goes missing, the
 * reconciler asks the sources again (on demand, and on its schedule), the source answers as it would, and the
 * saga records the drift, counts it, shows it, and moves on with the source's later word.
 */
class ReconciliationIntegrationTest extends OrchestratorTestBase {

    static final String OPS = TestTokens.ops("olga");
    static final String SUPPORT = TestTokens.support("sam");

    @Autowired
    DurableTimers timers;
    @Autowired
    ReconciliationTimer reconciliationTimer;

    String prometheus() {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                .uri("/actuator/prometheus").header("Authorization", OPS).retrieve().body(String.class);
    }

    double drifts(String source) {
        return ClosureActuatorTest.sample(prometheus(), "closure_drift_total", "source=\"" + source + "\"");
    }

    /**
     * A closure in Preparing whose saga believes CatalogsPresent: every other source said its precondition
     * holds (lock date passed), and catalog-service's CatalogsDeleted, which followed its CatalogsPresent, never
     * arrived (its source version is taken, the event is not sent).
     */
    String closureMissingCatalogsDeleted() {
        String account = "rec-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = Instant.now();
        Instant lockAt = now.minus(1, ChronoUnit.DAYS);
        sources.send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC), lockAt,
                now, sources.nextVersion(Topics.PAYOUTS, account)));
        sources.send(Topics.CONTRACTS, new ContractsExpired(account, now, sources.nextVersion(Topics.CONTRACTS, account)));
        sources.send(Topics.FUNDING, new FundingSufficient(account, 12_500, 0, "EUR", now,
                sources.nextVersion(Topics.FUNDING, account)));
        sources.catalogsPresent(account);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM events WHERE stream_id = ?", Integer.class, "closure-" + account) == 4);
        sources.nextVersion(Topics.CATALOG, account); // CatalogsDeleted: lost on its way
        var initiated = http.post("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("ann", account),
                "{\"reason\":\"moving on\"}");
        assertThat(initiated.text("state")).isEqualTo("Preparing");
        assertThat(initiated.body().get("waitingOn").valueStream().map(JsonNode::asString))
                .containsExactly("CATALOGS_DELETED");
        return account;
    }

    /** The reconciliation request published for {@code account}, once it is on closure.events. */
    JsonNode reconciliationRequest(String account) {
        await().atMost(PATIENCE).until(() -> !reconciliationRequests(account).isEmpty());
        return reconciliationRequests(account).getFirst();
    }

    List<JsonNode> reconciliationRequests(String account) {
        return kafka.events("StateReportRequested", account).stream().map(ConsumerRecord::value)
                .map(v -> json.parse(v).path("payload"))
                .filter(p -> "RECONCILIATION".equals(p.path("reason").asString())).toList();
    }

    long storedDrifts(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'DriftDetected'",
                Long.class, "closure-" + account);
    }

    /** Every event id of {@code envelopes} was taken by the saga's consumer (processed: applied or found to be nothing). */
    boolean processed(List<String> envelopes) {
        List<String> ids = envelopes.stream().map(e -> json.parse(e).path("eventId").asString()).toList();
        return jdbc.queryForObject("SELECT count(*) FROM processed_messages WHERE event_id = ANY(?::text[])",
                Long.class, "{" + String.join(",", ids) + "}") == ids.size();
    }

    /** {@code account}'s row of support's list of closures under review, page by page. */
    JsonNode listed(String account) {
        String page = "/api/v1/closures?state=ClosureRequested&limit=500";
        while (page != null) {
            var answer = http.get(page, SUPPORT);
            var row = answer.body().valueStream().filter(s -> s.get("accountId").asString().equals(account)).findFirst();
            if (row.isPresent()) {
                return row.get();
            }
            page = answer.next();
        }
        throw new AssertionError(account + " is not listed");
    }

    @Test
    void aServicesSummaryEventGoesMissingAndTheReconcilerFindsTheDriftAndTheClosureMovesOn() {
        String account = closureMissingCatalogsDeleted();
        String closureId = http.get("/api/v1/closures/" + account, SUPPORT).body().get("stateReports")
                .get("closureId").asString();
        double before = drifts("CATALOGS_DELETED");

        var pass = http.post("/actuator/reconciliation", OPS, "{\"accountId\":\"" + account + "\"}");
        assertThat(pass.status()).isEqualTo(200);
        assertThat(pass.body().get("asked").valueStream().map(JsonNode::asString)).containsExactly(account);
        JsonNode request = reconciliationRequest(account);
        String reportFor = request.path("closureId").asString();
        assertThat(reportFor).isEqualTo(closureId + ":reconciliation");

        // The four sources answer as they do, each appending its current summary (the next source version).
        Instant now = Instant.now();
        Instant lockAt = now.minus(1, ChronoUnit.DAYS);
        List<String> agreeing = List.of(
                sources.send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC),
                        lockAt, now, sources.nextVersion(Topics.PAYOUTS, account), reportFor)),
                sources.send(Topics.CONTRACTS, new ContractsExpired(account, now,
                        sources.nextVersion(Topics.CONTRACTS, account), reportFor)),
                sources.send(Topics.FUNDING, new FundingSufficient(account, 12_500, 0, "EUR", now,
                        sources.nextVersion(Topics.FUNDING, account), reportFor)));
        long catalogVersion = sources.nextVersion(Topics.CATALOG, account);
        sources.send(Topics.CATALOG, new CatalogsDeleted(account, now, catalogVersion, reportFor));

        // The saga takes the source's later word: every precondition holds, the lock date passed -> review.
        await().atMost(PATIENCE).until(() -> "ClosureRequested".equals(
                http.get("/api/v1/closures/" + account, SUPPORT).text("state")));
        await().atMost(PATIENCE).until(() -> processed(agreeing));
        assertThat(storedDrifts(account)).as("one drift: the three agreeing answers record nothing").isEqualTo(1);

        var view = http.get("/api/v1/closures/" + account, SUPPORT).body();
        assertThat(view.get("drifts")).hasSize(1);
        JsonNode drift = view.get("drifts").get(0);
        assertThat(drift.get("source").asString()).isEqualTo("CATALOGS_DELETED");
        assertThat(drift.get("differs").asString()).isEqualTo("KIND");
        assertThat(drift.get("sagaHad").asString()).isEqualTo("CatalogsPresent");
        assertThat(drift.get("sagaHadVersion").asLong()).isEqualTo(1);
        assertThat(drift.get("sourceSays").asString()).isEqualTo("CatalogsDeleted");
        assertThat(drift.get("sourceSaysVersion").asLong()).isEqualTo(catalogVersion);
        assertThat(view.get("preconditions").valueStream()
                .filter(p -> p.get("name").asString().equals("CATALOGS_DELETED")).findFirst().orElseThrow()
                .get("sourceVersion").asLong()).isEqualTo(catalogVersion);
        // The review request's wait and the closure's reports are untouched by the reconciliation's answers.
        assertThat(view.get("stateReports").get("reported")).isEmpty();

        assertThat(drifts("CATALOGS_DELETED")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT drifts FROM closure_summary WHERE account_id = ?", Integer.class,
                account)).isEqualTo(1);
        assertThat(listed(account).get("drifts").asInt()).isEqualTo(1);
        var timeline = http.get("/api/v1/console/accounts/" + account + "/timeline", OPS).body();
        assertThat(timeline.get("closure").get("drifts")).hasSize(1);
        assertThat(http.get("/actuator/reconciliation", OPS).body().get("closuresWithDrift").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(http.get("/actuator/closures", OPS).body().get("withDriftCount").asLong()).isGreaterThanOrEqualTo(1);

        // Asked again, the same answer agrees with the fact the saga now holds: nothing more is recorded.
        http.post("/actuator/reconciliation", OPS, "{\"accountId\":\"" + account + "\"}");
        await().atMost(PATIENCE).until(() -> reconciliationRequests(account).size() == 2);
        String again = sources.send(Topics.CATALOG, new CatalogsDeleted(account, Instant.now(),
                sources.nextVersion(Topics.CATALOG, account), reportFor));
        await().atMost(PATIENCE).until(() -> processed(List.of(again)));
        assertThat(storedDrifts(account)).isEqualTo(1);
        assertThat(drifts("CATALOGS_DELETED")).isEqualTo(before + 1);
    }

    @Test
    void aPassWithoutAnAccountAsksEveryClosureInFlightAndNoneThatEnded() {
        String inFlight = closureMissingCatalogsDeleted();
        String cancelled = closureMissingCatalogsDeleted();
        assertThat(http.post("/api/v1/accounts/" + cancelled + "/closure/cancel",
                TestTokens.brandAdmin("ann", cancelled), "{\"reason\":\"not yet\"}").status()).isEqualTo(200);

        var pass = http.post("/actuator/reconciliation", OPS, "{}");
        assertThat(pass.status()).isEqualTo(200);
        List<String> asked = pass.body().get("asked").valueStream().map(JsonNode::asString).toList();
        assertThat(pass.body().get("askedCount").asInt()).isGreaterThanOrEqualTo(1);
        long stillInFlight = jdbc.queryForObject("SELECT count(*) FROM closure_summary "
                + "WHERE state NOT IN ('AccountClosed', 'ClosureCancelled')", Long.class);
        assertThat(pass.body().get("askedCount").asLong()).isLessThanOrEqualTo(stillInFlight);
        if (pass.body().get("askedCount").asInt() <= 100) {
            assertThat(asked).contains(inFlight).doesNotContain(cancelled);
        }
        reconciliationRequest(inFlight);
        assertThat(reconciliationRequests(cancelled)).isEmpty();
        assertThat(http.post("/actuator/reconciliation", SUPPORT, "{}").status()).isEqualTo(403);
    }

    @Test
    void theScheduledPassAsksTheSourcesAndSetsTheNextPassOneIntervalAhead() {
        String account = closureMissingCatalogsDeleted();
        var schedule = http.get("/actuator/reconciliation", OPS).body();
        assertThat(schedule.get("enabled").asBoolean()).isTrue();
        assertThat(schedule.get("interval").asString()).isEqualTo("PT15M");
        assertThat(schedule.get("nextPassAt").isNull()).as("the pass is planned at start").isFalse();
        String first = ReconciliationTimer.SLOTS.getFirst();
        String second = ReconciliationTimer.SLOTS.get(1);
        String due = timers.dueAt(ReconciliationTimer.KIND, first).isPresent() ? first : second;
        String next = due.equals(first) ? second : first;

        // The interval has passed: the pending pass is due now (as a clock moved past it would find it).
        Instant movedAt = Instant.now();
        timers.schedule(ReconciliationTimer.KIND, due, movedAt, "{}");

        reconciliationRequest(account);
        await().atMost(PATIENCE).until(() -> timers.dueAt(ReconciliationTimer.KIND, due).isEmpty());
        Instant nextAt = timers.dueAt(ReconciliationTimer.KIND, next).orElseThrow();
        assertThat(nextAt).isBetween(movedAt.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(reconciliationTimer.nextPassAt()).contains(nextAt);
    }
}
