package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * The orchestrator against real Kafka and PostgreSQL: summary events in on the source topics,
 * commands over HTTP, closure events out on {@link Topics#CLOSURE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=closure-it",
        "platform.timers.polling-interval=PT0.2S"})
@RealInfrastructure(database = "closure_it")
class ClosureOrchestratorIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    JsonCodec json;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;
    SummaryEventSender sources;

    @BeforeAll
    static void startProbe() {
        kafka = new KafkaProbe(Topics.CLOSURE);
    }

    @AfterAll
    static void stopProbe() {
        kafka.close();
    }

    @BeforeEach
    void clients() {
        http = HttpClient.at(port, json);
        sources = new SummaryEventSender(kafka, json);
    }

    static String newAccount() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 12);
    }

    List<ConsumerRecord<String, String>> published(String type, String account) {
        return kafka.events(type, account);
    }

    HttpClient.Answer initiate(String account) {
        return http.post("/api/v1/accounts/" + account + "/closure", "brand-admin", "{\"reason\":\"moving on\"}");
    }

    String stateOf(String account) {
        return http.get("/api/v1/closures/" + account).text("state");
    }

    @Test
    void summaryEventsOnTheTopicsRequestClosureOnceTheLockDateHasPassed() {
        String account = newAccount();
        assertThat(initiate(account).status()).isEqualTo(200);

        // Across topics in any order, a per-item event among them, one summary delivered twice.
        sources.contractActivated(account);
        sources.send(Topics.PAYOUTS, new com.brandclosure.events.PayoutsSettled(account,
                LocalDate.now(ZoneOffset.UTC).minusDays(1), Instant.now().minus(1, ChronoUnit.HOURS), Instant.now()));
        String catalogs = sources.send(Topics.CATALOG, new com.brandclosure.events.CatalogsDeleted(account, Instant.now()));
        sources.resend(Topics.CATALOG, account, catalogs);
        sources.send(Topics.FUNDING, new com.brandclosure.events.FundingSufficient(account, 100, 0, "EUR",
                Instant.now()));
        assertThat(stateOf(account)).isNotEqualTo("ClosureRequested");
        sources.send(Topics.CONTRACTS, new com.brandclosure.events.ContractsExpired(account, Instant.now()));

        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        var closure = http.get("/api/v1/closures/" + account);
        assertThat(closure.text("state")).isEqualTo("ClosureRequested");
        assertThat(closure.text("ticketId")).isEqualTo("CLS-" + account + "-1");
        assertThat(closure.body().get("waitingOn").get(0).asString()).isEqualTo("FINAL_REVIEW");
        assertThat(closure.body().get("preconditions").valueStream())
                .allSatisfy(p -> {
                    assertThat(p.get("holds").asBoolean()).isTrue();
                    assertThat(p.get("sourceEventId").asString()).isNotBlank();
                    assertThat(p.get("sourceOccurredAt").isNull()).isFalse();
                });
        assertThat(published("PreconditionMet", account)).hasSize(4);
        assertThat(published("LockDateScheduled", account)).hasSize(1);
    }

    @Test
    void factsArrivingBeforeInitiationAreSeenByIt() {
        String account = newAccount();
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> storedEvents(account) == 4);
        assertThat(http.get("/api/v1/accounts/" + account + "/closure").status()).isEqualTo(404);

        var initiated = initiate(account);
        assertThat(initiated.status()).isEqualTo(200);
        assertThat(initiated.text("state")).isEqualTo("ClosureRequested");
        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        assertThat(published("PreconditionMet", account)).as("facts of a closure nobody opened stay inside").isEmpty();
    }

    @Test
    void approvalDeactivatesTheAccountExactlyOnce() {
        String account = underReview();
        var review = http.get("/api/v1/closures/" + account);
        long version = review.body().get("version").asLong();

        var stale = http.post("/api/v1/closures/" + account + "/approve", "support-agent",
                "{\"version\":" + (version - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("changed since version " + (version - 1));

        var ownApproval = http.post("/api/v1/closures/" + account + "/approve", "brand-admin",
                "{\"version\":" + version + "}");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.text("detail")).contains("someone other than");

        var approved = http.post("/api/v1/closures/" + account + "/approve", "support-agent",
                "{\"version\":" + version + "}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("AwaitingFinalSettlement");
        assertThat(approved.text("approvedBy")).isEqualTo("support-agent");

        var again = http.post("/api/v1/closures/" + account + "/approve", "other-agent",
                "{\"version\":" + approved.body().get("version").asLong() + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("AwaitingFinalSettlement");
        var cancel = http.post("/api/v1/accounts/" + account + "/closure/cancel", "brand-admin",
                "{\"reason\":\"too late\"}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("detail")).contains("irreversible");
        sources.contractsActive(account);

        await().atMost(PATIENCE).until(() -> published("AccountDeactivated", account).size() == 1);
        String deactivated = published("AccountDeactivated", account).getFirst().value();
        assertThat(json.parse(deactivated).get("payload").get("closureDate").asString())
                .isEqualTo(approved.text("closureDate"));
        // Exactly once: nothing more comes, and the retraction after deactivation changes nothing.
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> published("AccountDeactivated", account).size() == 1);
        assertThat(stateOf(account)).isEqualTo("AwaitingFinalSettlement");
    }

    @Test
    void aRetractionDuringTheReviewSendsTheClosureBackToPreparing() {
        String account = underReview();
        sources.catalogsPresent(account);
        await().atMost(PATIENCE).until(() -> "Preparing".equals(stateOf(account)));

        var preparing = http.get("/api/v1/closures?state=Preparing&waitingOn=CATALOGS_DELETED&limit=1000");
        assertThat(preparing.body().valueStream().map(s -> s.get("accountId").asString())).contains(account);
        var underReview = http.get("/api/v1/closures?state=ClosureRequested&limit=1000");
        assertThat(underReview.body().valueStream().map(s -> s.get("accountId").asString())).doesNotContain(account);
        var overdue = http.get("/api/v1/closures?overdue=true&limit=1000");
        assertThat(overdue.body().valueStream().map(s -> s.get("accountId").asString())).doesNotContain(account);
    }

    @Test
    void theLockDateTimerRequestsClosureWhenTheLockDatePasses() {
        String account = newAccount();
        initiate(account);
        Instant lockAt = Instant.now().plusSeconds(3);
        sources.allPreconditionsHold(account, lockAt);
        await().atMost(PATIENCE).until(() -> "AwaitingLockDate".equals(stateOf(account)));
        var waiting = http.get("/api/v1/closures/" + account);
        assertThat(Instant.parse(waiting.text("until"))).isEqualTo(lockAt);
        assertThat(published("ClosureRequested", account)).isEmpty();

        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        assertThat(Instant.now()).isAfterOrEqualTo(lockAt);
    }

    @Test
    void illegalRequestsAreRefusedClearly() {
        String account = newAccount();
        var noActor = http.post("/api/v1/accounts/" + account + "/closure", null, "{\"reason\":\"x\"}");
        assertThat(noActor.status()).isEqualTo(400);
        assertThat(noActor.text("detail")).contains("X-Actor");

        assertThat(http.get("/api/v1/closures/" + account).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/closures/" + account + "/approve", "support-agent", "{\"version\":1}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", "brand-admin", "{\"reason\":\"\"}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", "brand-admin", "{not json").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/accounts/bad%20id/closure", "brand-admin", "{\"reason\":\"x\"}").status())
                .isEqualTo(400);

        assertThat(initiate(account).status()).isEqualTo(200);
        var twice = initiate(account);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("detail")).contains("Preparing");
        var approve = http.post("/api/v1/closures/" + account + "/approve", "support-agent", "{\"version\":1}");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.text("detail")).contains("it is Preparing");
        assertThat(http.post("/api/v1/closures/" + account + "/approve", "support-agent", "{}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/closures/" + account + "/reject", "support-agent", "{\"reasons\":[]}").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/closures?state=Nonsense").status()).isEqualTo(400);

        var cancelled = http.post("/api/v1/accounts/" + account + "/closure/cancel", "brand-admin",
                "{\"reason\":\"changed our mind\"}");
        assertThat(cancelled.text("state")).isEqualTo("ClosureCancelled");
        await().atMost(PATIENCE).until(() -> published("ClosureCancelled", account).size() == 1);
    }

    /** An account whose closure waits for the final review. */
    String underReview() {
        String account = newAccount();
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> storedEvents(account) == 4);
        assertThat(initiate(account).text("state")).isEqualTo("ClosureRequested");
        return account;
    }

    int storedEvents(String account) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ?", Integer.class,
                "closure-" + account);
        return n == null ? 0 : n;
    }
}
