package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/closures} and the closure metrics on {@code /actuator/prometheus}, read as OPS over HTTP. */
class ClosureActuatorTest extends OrchestratorTestBase {

    static final String OPS = TestTokens.ops("olga");

    String prometheus() {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                .uri("/actuator/prometheus").header("Authorization", OPS).retrieve().body(String.class);
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    static double sample(String text, String name, String... labels) {
        double sum = 0;
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);
        var m = line.matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String l : labels) {
                all &= found.contains(l);
            }
            if (all && !m.group(2).equals("NaN")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    String underReview() {
        String account = "act-" + UUID.randomUUID().toString().substring(0, 12);
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM events WHERE stream_id = ?", Integer.class, "closure-" + account) == 4);
        var initiated = http.post("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("ann", account),
                "{\"reason\":\"moving on\"}");
        assertThat(initiated.text("state")).isEqualTo("ClosureRequested");
        return account;
    }

    @Test
    void theClosuresEndpointCountsByStateAndWaitingOnAndListsTheOverdueOnes() {
        String account = underReview();
        // A review open past its SLA: the read model row as the saga would have written it three days ago.
        String late = "late-" + UUID.randomUUID().toString().substring(0, 12);
        Instant since = Instant.now().minus(3, ChronoUnit.DAYS);
        jdbc.update("""
                INSERT INTO closure_summary (account_id, state, waiting_on, since, until, version, initiated_by, ticket_id,
                                             updated_at)
                VALUES (?, 'ClosureRequested', '{FINAL_REVIEW}', ?, ?, 7, 'ann', ?, ?)""", late, Timestamp.from(since),
                Timestamp.from(since.plus(2, ChronoUnit.DAYS)), "CLS-" + late + "-1", Timestamp.from(since));

        var view = http.get("/actuator/closures", OPS);
        assertThat(view.status()).isEqualTo(200);
        long underReview = jdbc.queryForObject("SELECT count(*) FROM closure_summary WHERE state = 'ClosureRequested'",
                Long.class);
        assertThat(view.body().get("byState").get("ClosureRequested").asLong()).isEqualTo(underReview);
        long waitingForReview = jdbc.queryForObject(
                "SELECT count(*) FROM closure_summary WHERE 'FINAL_REVIEW' = ANY(waiting_on)", Long.class);
        assertThat(view.body().get("byWaitingOn").get("FINAL_REVIEW").asLong()).isEqualTo(waitingForReview);
        assertThat(view.body().get("overdueCount").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(view.body().get("overdue").valueStream().map(o -> o.get("accountId").asString()))
                .contains(late).doesNotContain(account);
        assertThat(http.get("/actuator/closures", TestTokens.support("sam")).status()).isEqualTo(403);
    }

    @Test
    void theClosureMetricsCountStatesTransitionsAndDurations() {
        String before = prometheus();
        double deactivations = sample(before, "closure_initiation_to_deactivation_seconds_count");
        double requests = sample(before, "closure_last_precondition_to_request_seconds_count");
        double approvals = sample(before, "closure_transitions_total", "from=\"ClosureRequested\"",
                "to=\"Deactivating\"");

        String account = underReview();
        long version = http.get("/api/v1/closures/" + account, TestTokens.support("sam")).body().get("version").asLong();
        var approved = http.post("/api/v1/closures/" + account + "/approve", TestTokens.support("sam"),
                "{\"version\":" + version + "}");
        assertThat(approved.status()).isEqualTo(200);
        for (String service : SummaryEventSender.FENCING_SERVICES.keySet()) {
            sources.fenced(account, service, approved.text("ticketId"));
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            String after = prometheus();
            assertThat(sample(after, "closure_initiation_to_deactivation_seconds_count")).isEqualTo(deactivations + 1);
            assertThat(sample(after, "closure_last_precondition_to_request_seconds_count")).isGreaterThanOrEqualTo(requests + 1);
            assertThat(sample(after, "closure_transitions_total", "from=\"ClosureRequested\"", "to=\"Deactivating\""))
                    .isEqualTo(approvals + 1);
            assertThat(sample(after, "closure_transitions_total", "from=\"Deactivating\"",
                    "to=\"AwaitingFinalSettlement\"")).isGreaterThanOrEqualTo(1);
            assertThat(after).contains("closure_initiation_to_deactivation_seconds_bucket");
            long settling = jdbc.queryForObject(
                    "SELECT count(*) FROM closure_summary WHERE state = 'AwaitingFinalSettlement'", Long.class);
            assertThat(sample(after, "closures_by_state", "state=\"AwaitingFinalSettlement\"")).isEqualTo(settling);
        });
    }

    @Test
    void closuresOverdueCountsTheClosuresPastTheirStatesDeadlinePerState() {
        // A Deactivating closure whose fences are late: the read model row as the saga writes it, past its deadline.
        String late = "fence-" + UUID.randomUUID().toString().substring(0, 12);
        Instant since = Instant.now().minus(30, ChronoUnit.MINUTES);
        jdbc.update("""
                INSERT INTO closure_summary (account_id, state, waiting_on, since, until, version, initiated_by, ticket_id,
                                             updated_at)
                VALUES (?, 'Deactivating', '{DEACTIVATION}', ?, ?, 9, 'ann', ?, ?)""", late, Timestamp.from(since),
                Timestamp.from(since.plus(10, ChronoUnit.MINUTES)), "CLS-" + late + "-1", Timestamp.from(since));
        long overdueDeactivating = jdbc.queryForObject(
                "SELECT count(*) FROM closure_summary WHERE state = 'Deactivating' AND until < now()", Long.class);
        assertThat(overdueDeactivating).isGreaterThanOrEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(sample(metrics, "closures_overdue", "state=\"Deactivating\"")).isEqualTo(overdueDeactivating);
            assertThat(metrics).containsPattern("closures_overdue\\{[^}]*state=\"Preparing\"");
        });
        var view = http.get("/actuator/closures", OPS);
        assertThat(view.body().get("overdue").valueStream().map(o -> o.get("accountId").asString())).contains(late);
    }
}
