package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
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
class ClosureOrchestratorIntegrationTest extends OrchestratorTestBase {

    static final String SUPPORT = TestTokens.support("support-agent");
    static final String OTHER_SUPPORT = TestTokens.support("other-agent");

    static String newAccount() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 12);
    }

    List<ConsumerRecord<String, String>> published(String type, String account) {
        return kafka.events(type, account);
    }

    /** The brand admin of {@code account} (named "brand-admin"), as an Authorization header. */
    static String admin(String account) {
        return TestTokens.brandAdmin("brand-admin", account);
    }

    HttpClient.Answer initiate(String account) {
        return initiate(account, admin(account));
    }

    HttpClient.Answer initiate(String account, String authorization) {
        return http.post("/api/v1/accounts/" + account + "/closure", authorization, "{\"reason\":\"moving on\"}");
    }

    String stateOf(String account) {
        return http.get("/api/v1/closures/" + account, SUPPORT).text("state");
    }

    @Test
    void summaryEventsOnTheTopicsRequestClosureOnceTheLockDateHasPassed() {
        String account = newAccount();
        assertThat(initiate(account).status()).isEqualTo(200);

        // Across topics in any order, a per-item event among them, one summary delivered twice.
        sources.contractActivated(account);
        sources.send(Topics.PAYOUTS, new com.brandclosure.events.PayoutsSettled(account,
                LocalDate.now(ZoneOffset.UTC).minusDays(1), Instant.now().minus(1, ChronoUnit.HOURS), Instant.now(),
                1));
        String catalogs = sources.send(Topics.CATALOG, new com.brandclosure.events.CatalogsDeleted(account, Instant.now(),
                1));
        sources.resend(Topics.CATALOG, account, catalogs);
        sources.send(Topics.FUNDING, new com.brandclosure.events.FundingSufficient(account, 100, 0, "EUR",
                Instant.now(), 1));
        assertThat(stateOf(account)).isNotEqualTo("ClosureRequested");
        sources.send(Topics.CONTRACTS, new com.brandclosure.events.ContractsExpired(account, Instant.now(), 1));

        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        var closure = http.get("/api/v1/closures/" + account, SUPPORT);
        assertThat(closure.text("state")).isEqualTo("ClosureRequested");
        // The closure's one id (initiated first: version 1) names its review ticket and its state reports.
        assertThat(closure.text("ticketId")).isEqualTo("CLO-" + account + "-1");
        assertThat(closure.body().get("stateReports").get("closureId").asString()).isEqualTo(closure.text("ticketId"));
        assertThat(closure.body().get("waitingOn").get(0).asString()).isEqualTo("FINAL_REVIEW");
        assertThat(closure.body().get("preconditions").valueStream())
                .allSatisfy(p -> {
                    assertThat(p.get("holds").asBoolean()).isTrue();
                    assertThat(p.get("sourceEventId").asString()).isNotBlank();
                    assertThat(p.get("sourceOccurredAt").isNull()).isFalse();
                });
        assertThat(published("PreconditionMet", account)).hasSize(4);
        assertThat(published("LockDateScheduled", account)).hasSize(1);
        // The published event is its stored event, under the same id (the Publication path).
        String publishedId = json.parse(published("ClosureRequested", account).getFirst().value()).get("eventId")
                .asString();
        assertThat(publishedId).isEqualTo(jdbc.queryForObject("SELECT event_id::text FROM events "
                + "WHERE stream_id = ? AND event_type = 'ClosureRequested'", String.class, "closure-" + account));
    }

    @Test
    void payoutsDecisionOfTheAccountsZoneIsConsumedAndDatesTheForecast() {
        String account = newAccount();
        sources.send(Topics.PAYOUTS, new com.brandclosure.events.AccountLocaleDecided(account, "NZD",
                "Pacific/Auckland", Instant.now()));
        assertThat(initiate(account).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "Pacific/Auckland".equals(
                http.get("/api/v1/closures/" + account, SUPPORT).text("zone")));
        // No lock date is known: the closure could be requested today, Auckland's today (read around the call).
        LocalDate before = LocalDate.now(java.time.ZoneId.of("Pacific/Auckland"));
        var closure = http.get("/api/v1/closures/" + account, SUPPORT);
        assertThat(closure.text("currency")).isEqualTo("NZD");
        String earliest = closure.body().get("forecast").get("earliestRequestDate").asString();
        assertThat(LocalDate.parse(earliest)).isBetween(before,
                LocalDate.now(java.time.ZoneId.of("Pacific/Auckland")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'LocaleRecorded'",
                Integer.class, "closure-" + account)).isEqualTo(1);
    }

    @Test
    void aReviewRequestWaitsForTheFourFreshReportsOfTheClosureBeforeTheNextReview() {
        String account = underReview();
        String closureId = http.get("/api/v1/closures/" + account, SUPPORT).body().get("stateReports").get("closureId")
                .asString();
        assertThat(http.post("/api/v1/closures/" + account + "/reject", SUPPORT, "{\"reasons\":[\"open invoice\"]}")
                .status()).isEqualTo(200);
        var requested = http.post("/api/v1/accounts/" + account + "/closure/review-request", admin(account), "{}");
        assertThat(requested.status()).isEqualTo(200);
        // Every fact still holds and the lock date has passed, yet the closure waits for the fresh reports.
        assertThat(requested.text("state")).isEqualTo("Preparing");
        assertThat(requested.body().get("waitingOn").valueStream().map(n -> n.asString())).containsExactly("STATE_REPORTS");
        await().atMost(PATIENCE).until(() -> published("StateReportRequested", account).stream()
                .anyMatch(r -> r.value().contains("REVIEW_REQUESTED")));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> "Preparing".equals(stateOf(account)));

        sources.reportAllHold(account, closureId);
        await().atMost(PATIENCE).until(() -> "ClosureRequested".equals(stateOf(account)));
        var reopened = http.get("/api/v1/closures/" + account, SUPPORT);
        assertThat(reopened.body().get("stateReports").get("missing")).isEmpty();
        assertThat(reopened.text("ticketId")).isEqualTo(closureId);
    }

    @Test
    void aCommandsStoredEventCarriesTheRequestsCorrelationId() {
        String account = newAccount();
        int status = http.rest().post().uri("/api/v1/accounts/" + account + "/closure")
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", admin(account))
                .header("X-Correlation-Id", "corr-" + account).body("{\"reason\":\"moving on\"}")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT correlation_id FROM events WHERE stream_id = ? "
                + "AND event_type = 'ClosureInitiated'", String.class, "closure-" + account))
                .isEqualTo("corr-" + account);
    }

    @Test
    void factsArrivingBeforeInitiationAreSeenByIt() {
        String account = newAccount();
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> storedEvents(account) == 4);
        assertThat(http.get("/api/v1/accounts/" + account + "/closure", admin(account)).status()).isEqualTo(404);

        var initiated = initiate(account);
        assertThat(initiated.status()).isEqualTo(200);
        assertThat(initiated.text("state")).isEqualTo("ClosureRequested");
        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        assertThat(published("PreconditionMet", account)).as("facts of a closure nobody opened stay inside").isEmpty();
    }

    @Test
    void approvalDeactivatesTheAccountExactlyOnce() {
        // Initiated by a support user, so that the four-eyes rule (not the roles) refuses their own approval.
        String initiator = TestTokens.support("support-initiator");
        String account = underReview(initiator);
        var review = http.get("/api/v1/closures/" + account, SUPPORT);
        long version = review.body().get("version").asLong();

        var stale = http.post("/api/v1/closures/" + account + "/approve", SUPPORT,
                "{\"version\":" + (version - 1) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("changed since version " + (version - 1));

        var ownApproval = http.post("/api/v1/closures/" + account + "/approve", initiator,
                "{\"version\":" + version + "}");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.text("detail")).contains("someone other than");
        var brandAdminApproval = http.post("/api/v1/closures/" + account + "/approve", admin(account),
                "{\"version\":" + version + "}");
        assertThat(brandAdminApproval.status()).isEqualTo(403);

        var approved = http.post("/api/v1/closures/" + account + "/approve", SUPPORT,
                "{\"version\":" + version + "}");
        assertThat(approved.status()).isEqualTo(200);
        // Approval deactivates once every service fenced the account (Deactivating until then).
        assertThat(approved.text("state")).isEqualTo("Deactivating");
        assertThat(approved.text("approvedBy")).isEqualTo("support-agent");
        assertThat(approved.body().get("missingFences").valueStream().map(n -> n.asString()))
                .containsExactly("contracts-service", "payouts-service", "funding-service", "catalog-service");
        await().atMost(PATIENCE).until(() -> published("FinalReviewApproved", account).size() == 1);
        assertThat(json.parse(published("FinalReviewApproved", account).getFirst().value()).get("payload")
                .get("closureDate").asString()).isEqualTo(approved.text("closureDate"));
        String ticket = approved.text("ticketId");
        for (String service : List.of("contracts-service", "payouts-service", "funding-service", "catalog-service")) {
            sources.fenced(account, service, ticket);
        }
        await().atMost(PATIENCE).until(() -> "AwaitingFinalSettlement".equals(stateOf(account)));

        var again = http.post("/api/v1/closures/" + account + "/approve", OTHER_SUPPORT,
                "{\"version\":" + approved.body().get("version").asLong() + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("AwaitingFinalSettlement");
        var cancel = http.post("/api/v1/accounts/" + account + "/closure/cancel", admin(account),
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
    void deactivationWaitsForEveryFenceAndTheClosureNamesTheMissingOne() {
        String account = underReview();
        long version = http.get("/api/v1/closures/" + account, SUPPORT).body().get("version").asLong();
        var approved = http.post("/api/v1/closures/" + account + "/approve", SUPPORT, "{\"version\":" + version + "}");
        assertThat(approved.text("state")).isEqualTo("Deactivating");
        String ticket = approved.text("ticketId");
        // Fences confirm the closure's one id: the one its state reports were asked for.
        assertThat(ticket).isEqualTo(approved.body().get("stateReports").get("closureId").asString());

        sources.fenced(account, "contracts-service", ticket);
        String payouts = sources.fenced(account, "payouts-service", ticket);
        sources.resend(Topics.PAYOUTS, account, payouts);
        sources.fenced(account, "payouts-service", ticket);
        sources.fenced(account, "funding-service", ticket);
        // A fence that is not its sender's word (funding's name on catalog's topic) and one for another closure.
        sources.send(Topics.CATALOG, new com.brandclosure.events.AccountFenced(account, ticket, "funding-service",
                Instant.now()));
        sources.send(Topics.CATALOG, new com.brandclosure.events.AccountFenced(account, "CLS-other", "catalog-service",
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var closure = http.get("/api/v1/closures/" + account, SUPPORT);
            assertThat(closure.body().get("fences").propertyNames())
                    .containsExactlyInAnyOrder("contracts-service", "payouts-service", "funding-service");
            assertThat(closure.body().get("missingFences").valueStream().map(n -> n.asString()))
                    .containsExactly("catalog-service");
        });
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> "Deactivating".equals(stateOf(account)));
        assertThat(published("AccountDeactivated", account)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'FenceConfirmed'",
                Integer.class, "closure-" + account)).as("the duplicate changed nothing").isEqualTo(3);

        sources.fenced(account, "catalog-service", ticket);
        await().atMost(PATIENCE).until(() -> published("AccountDeactivated", account).size() == 1);
        assertThat(stateOf(account)).isEqualTo("AwaitingFinalSettlement");
    }

    @Test
    void aRetractionDuringTheReviewSendsTheClosureBackToPreparing() {
        String account = underReview();
        sources.catalogsPresent(account);
        await().atMost(PATIENCE).until(() -> "Preparing".equals(stateOf(account)));

        var preparing = http.get("/api/v1/closures?state=Preparing&waitingOn=CATALOGS_DELETED&limit=500", SUPPORT);
        assertThat(preparing.body().valueStream().map(s -> s.get("accountId").asString())).contains(account);
        var underReview = http.get("/api/v1/closures?state=ClosureRequested&limit=500", SUPPORT);
        assertThat(underReview.body().valueStream().map(s -> s.get("accountId").asString())).doesNotContain(account);
        var overdue = http.get("/api/v1/closures?overdue=true&limit=500", SUPPORT);
        assertThat(overdue.body().valueStream().map(s -> s.get("accountId").asString())).doesNotContain(account);
    }

    @Test
    void theClosuresListPagesByLimitAndTheCursorOfTheLinkHeader() {
        List<String> mine = List.of(newAccount(), newAccount(), newAccount());
        mine.forEach(a -> assertThat(initiate(a).status()).isEqualTo(200));
        await().atMost(PATIENCE).until(() -> accountsOf(http.get("/api/v1/closures?state=Preparing&limit=500",
                SUPPORT)).containsAll(mine));

        var first = http.get("/api/v1/closures?state=Preparing&limit=2", SUPPORT);
        assertThat(first.body()).hasSize(2);
        assertThat(first.next()).contains("limit=2").contains("state=Preparing").contains("after=");
        List<String> paged = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        String next = "/api/v1/closures?state=Preparing&limit=2";
        while (next != null) {
            var page = http.get(next, SUPPORT);
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(accountsOf(page));
            sizes.add(page.body().size());
            next = page.next();
        }
        var whole = http.get("/api/v1/closures?state=Preparing&limit=500", SUPPORT);
        if (whole.next() == null) {
            assertThat(paged).isEqualTo(accountsOf(whole));
        }
        assertThat(paged).doesNotHaveDuplicates().containsAll(mine);
        assertThat(sizes.subList(0, sizes.size() - 1)).allSatisfy(n -> assertThat(n).isEqualTo(2));
        assertThat(sizes.getLast()).isBetween(1, 2);

        for (String bad : List.of("0", "501", "x")) {
            var refused = http.get("/api/v1/closures?limit=" + bad, SUPPORT);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("fieldErrors").has("limit")).as(refused.body().toString()).isTrue();
        }
        var badCursor = http.get("/api/v1/closures?after=abcd", SUPPORT);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.body().get("fieldErrors").has("after")).as(badCursor.body().toString()).isTrue();
    }

    static List<String> accountsOf(HttpClient.Answer list) {
        return list.body().valueStream().map(s -> s.get("accountId").asString()).toList();
    }

    @Test
    void theLockDateTimerRequestsClosureWhenTheLockDatePasses() {
        String account = newAccount();
        initiate(account);
        Instant lockAt = Instant.now().plusSeconds(3);
        sources.allPreconditionsHold(account, lockAt);
        await().atMost(PATIENCE).until(() -> "AwaitingLockDate".equals(stateOf(account)));
        var waiting = http.get("/api/v1/closures/" + account, SUPPORT);
        // "until" is the state's deadline: the lock date has passed by then, plus a day (closure.deadlines).
        assertThat(Instant.parse(waiting.text("until"))).isEqualTo(lockAt.plus(Duration.ofDays(1)));
        assertThat(Instant.parse(waiting.text("lockDatePassesAt"))).isEqualTo(lockAt);
        assertThat(published("ClosureRequested", account)).isEmpty();

        await().atMost(PATIENCE).until(() -> published("ClosureRequested", account).size() == 1);
        assertThat(Instant.now()).isAfterOrEqualTo(lockAt);
    }

    @Test
    void illegalRequestsAreRefusedClearly() {
        String account = newAccount();
        // Who acts is the authenticated caller now (no X-Actor header): without credentials, 401.
        var noActor = http.post("/api/v1/accounts/" + account + "/closure", null, "{\"reason\":\"x\"}");
        assertThat(noActor.status()).isEqualTo(401);
        assertThat(noActor.text("detail")).contains("required");

        assertThat(http.get("/api/v1/closures/" + account, SUPPORT).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/closures/" + account + "/approve", SUPPORT, "{\"version\":1}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", admin(account), "{\"reason\":\"\"}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", admin(account), "{not json").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/accounts/bad%20id/closure", TestTokens.brandAdmin("brand-admin", "bad id"),
                "{\"reason\":\"x\"}").status()).isEqualTo(400);

        assertThat(initiate(account).status()).isEqualTo(200);
        var twice = initiate(account);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("detail")).contains("Preparing");
        var approve = http.post("/api/v1/closures/" + account + "/approve", SUPPORT, "{\"version\":1}");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.text("detail")).contains("it is Preparing");
        assertThat(http.post("/api/v1/closures/" + account + "/approve", SUPPORT, "{}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/closures/" + account + "/reject", SUPPORT, "{\"reasons\":[]}").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/closures?state=Nonsense", SUPPORT).status()).isEqualTo(400);

        var cancelled = http.post("/api/v1/accounts/" + account + "/closure/cancel", admin(account),
                "{\"reason\":\"changed our mind\"}");
        assertThat(cancelled.text("state")).isEqualTo("ClosureCancelled");
        await().atMost(PATIENCE).until(() -> published("ClosureCancelled", account).size() == 1);
    }

    /** An account whose closure waits for the final review, initiated by its brand admin. */
    String underReview() {
        return underReview(null);
    }

    /** As {@link #underReview()}, initiated by {@code initiator} (an Authorization header; null: the brand admin). */
    String underReview(String initiator) {
        String account = newAccount();
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> storedEvents(account) == 4);
        assertThat(initiate(account, initiator == null ? admin(account) : initiator).text("state"))
                .isEqualTo("ClosureRequested");
        return account;
    }

    int storedEvents(String account) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ?", Integer.class,
                "closure-" + account);
        return n == null ? 0 : n;
    }
}
