package com.brandclosure.payouts;

import com.brandclosure.testkit.MutableClock;
import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.Shreddings;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payouts-service against real Kafka and PostgreSQL: Kafka or HTTP in, Kafka or HTTP out.
 * Every test uses its own brand account, so the tests share one context and one clock.
 * Requests carry real JWTs: the account's brand admin reviews, a SERVICE caller tracks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "payouts_it")
@Import(PayoutsIntegrationTest.TestClock.class)
class PayoutsIntegrationTest {

    static final Instant START = Instant.parse("2031-03-10T10:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final AtomicInteger ACCOUNTS = new AtomicInteger();
    static KafkaProbe probe;

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    com.brandclosure.platform.json.JsonCodec codec;

    RestClient http;
    String account;
    /** The account's brand admin: the default caller of every request. */
    String admin;
    /** A tracking system: the only role that may POST /actions. */
    static final String SERVICE = TestTokens.service("svc");

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(Topics.PAYOUTS, Topics.ACTIONS_INGEST + Topics.DEAD_LETTER_SUFFIX);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
        account = "it-" + ACCOUNTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin = TestTokens.brandAdmin("ann", account);
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void ingested_actions_come_out_as_events_and_approving_the_last_pending_one_settles_with_its_lock_date() {
        putSettings(0, 3, "DAY", 5, "Europe/Berlin");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(30)));
        Instant now = clock.instant();
        ingest("a-1", "p-1", now.minus(Duration.ofHours(2)), now, 1_500);
        ingest("a-2", "p-1", now.minus(Duration.ofHours(1)), now, 2_500);

        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 2);
        await().atMost(WAIT).until(() -> events("PayoutsPending").size() == 1);
        JsonNode tracked = payload(events("ActionTracked").getFirst());
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin"));
        assertThat(tracked.get("lockDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(tracked.get("currency").asString()).isEqualTo("EUR");

        assertThat(post("/actions/a-1/approve", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("ActionApproved").size() == 1);
        assertThat(events("PayoutsSettled")).isEmpty();

        assertThat(post("/actions/a-2/approve", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 1);
        JsonNode settled = payload(events("PayoutsSettled").getFirst());
        assertThat(settled.get("lastLockDate").asString()).isEqualTo(today.plusDays(3).toString());
        // The end of that day in Berlin.
        assertThat(Instant.parse(settled.get("lastLockAt").asString()))
                .isEqualTo(today.plusDays(4).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());

        // A new pending action retracts the settlement.
        ingest("a-3", "p-1", now, now, 700);
        await().atMost(WAIT).until(() -> events("PayoutsPending").size() == 2);
        var page = get("/actions?state=PENDING");
        // Each summary carries its version in the account's summary stream: rising, never repeated.
        assertThat(probe.sourceVersions(account, "PayoutsPending", "PayoutsSettled"))
                .containsExactly(1L, 2L, 3L);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("actionId").asString()).isEqualTo("a-3");
    }

    @Test
    void an_action_without_a_contract_is_rejected_outside_of_terms() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        Instant now = clock.instant();
        ingest("x-1", "p-without-contract", now, now, 100);
        await().atMost(WAIT).until(() -> events("ActionRejected").size() == 1);
        assertThat(payload(events("ActionRejected").getFirst()).get("reason").asString()).isEqualTo("OUTSIDE_OF_TERMS");
        assertThat(get("/actions/x-1").get("state").asString()).isEqualTo("REJECTED");
    }

    @Test
    void an_approved_action_locks_at_its_lock_date_and_clears_at_its_clearing_date() {
        putSettings(0, 0, "DAY", 0, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        var created = postAs(SERVICE, "/actions", Map.of("actionId", "t-1", "partnerId", "p-1", "eventAt", now.toString(),
                "costMinor", 4_200, "currency", "EUR"));
        assertThat(created.status()).isEqualTo(201);
        LocalDate lockDate = LocalDate.parse(created.body().get("lockDate").asString());
        LocalDate clearingDate = LocalDate.parse(created.body().get("clearingDate").asString());
        assertThat(lockDate).isEqualTo(LocalDate.ofInstant(now, ZoneId.of("UTC")));
        assertThat(clearingDate).isEqualTo(lockDate.withDayOfMonth(lockDate.lengthOfMonth()));

        assertThat(post("/actions/t-1/approve", null).status()).isEqualTo(200);
        assertThat(events("ActionLocked")).isEmpty();

        clock.advanceTo(lockDate.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(1));
        await().atMost(WAIT).until(() -> events("ActionLocked").size() == 1);
        assertThat(get("/actions/t-1").get("state").asString()).isEqualTo("LOCKED");
        // Nothing changes after locking.
        assertThat(post("/actions/t-1/reverse", Map.of("reason", "too late")).status()).isEqualTo(409);

        clock.advanceTo(clearingDate.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(1));
        await().atMost(WAIT).until(() -> events("ActionCleared").size() == 1);
        assertThat(get("/actions/t-1").get("state").asString()).isEqualTo("CLEARED");
    }

    @Test
    void deactivation_rejects_actions_on_or_after_the_closure_date_including_late_arrivals() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(60)));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        ingest("before", "p-1", now.minus(Duration.ofDays(2)), now, 100);
        ingest("on-day", "p-1", now, now, 200);
        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 2);
        assertThat(post("/actions/on-day/approve", null).status()).isEqualTo(200);

        probe.send(Topics.CLOSURE, account, envelope("AccountDeactivated", Map.of("accountId", account,
                "closureDate", today.toString(), "deactivatedAt", now.toString())));
        await().atMost(WAIT).until(() -> events("ActionRejected").size() == 1);
        assertThat(payload(events("ActionRejected").getFirst()).get("actionId").asString()).isEqualTo("on-day");
        assertThat(payload(events("ActionRejected").getFirst()).get("reason").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(get("/actions/before").get("state").asString()).isEqualTo("PENDING");

        // A late arrival after the closure is rejected as well (the clock moves on first: an event date
        // later than the receiving clock + the allowed skew is refused at ingest).
        clock.advance(Duration.ofHours(1));
        ingest("late", "p-1", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), 300);
        await().atMost(WAIT).until(() -> events("ActionRejected").size() == 2);
        assertThat(get("/actions/late").get("state").asString()).isEqualTo("REJECTED");
    }

    @Test
    void a_malformed_ingest_message_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        String garbage = "{not json " + account;
        probe.send(Topics.ACTIONS_INGEST, account, garbage);
        String negative = conversion("neg-1", "p-1", now, now, -5);
        probe.send(Topics.ACTIONS_INGEST, account, negative);
        ingest("ok-1", "p-1", now, now, 900);

        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 1);
        assertThat(payload(events("ActionTracked").getFirst()).get("actionId").asString()).isEqualTo("ok-1");
        await().atMost(WAIT).until(() -> dlt().contains(garbage) && dlt().contains(negative));
        assertThat(get("/actions/neg-1").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void fifty_good_conversions_around_a_bad_one_are_all_tracked_and_only_the_bad_one_is_dead_lettered() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        for (int i = 0; i < 25; i++) {
            ingest("g-" + i, "p-1", now, now, 100 + i);
        }
        // Refused by the account, not by the schema: another currency than the account's.
        String foreign = conversion("usd-1", "p-1", now, now, 100).replace("\"EUR\"", "\"USD\"");
        probe.send(Topics.ACTIONS_INGEST, account, foreign);
        for (int i = 25; i < 50; i++) {
            ingest("g-" + i, "p-1", now, now, 100 + i);
        }

        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 50);
        await().atMost(WAIT).until(() -> dlt().contains(foreign));
        assertThat(dlt()).hasSize(1);
        assertThat(get("/actions?state=PENDING").get("total").asLong()).isEqualTo(50);
        assertThat(get("/actions/usd-1").get("status").asInt()).isEqualTo(404);
        // Conversions are independent: nothing waits behind the bad one.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_accounts WHERE account_id = ?", Long.class,
                account)).isZero();
    }

    @Test
    void a_far_future_or_ancient_event_date_is_dead_lettered_alone_and_the_rest_of_the_poll_is_tracked() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        for (int i = 0; i < 10; i++) {
            ingest("d-" + i, "p-1", now, now, 100 + i);
        }
        // Within the allowed clock skew (PT5M): accepted.
        ingest("skewed", "p-1", now.plus(Duration.ofMinutes(4)), now.plus(Duration.ofMinutes(4)), 99);
        String farFuture = conversion("far-1", "p-1", Instant.parse("2999-01-01T00:00:00Z"),
                Instant.parse("2999-01-01T00:00:00Z"), 100);
        probe.send(Topics.ACTIONS_INGEST, account, farFuture);
        String ancient = conversion("old-1", "p-1", Instant.parse("1999-12-31T23:59:59Z"), now, 100);
        probe.send(Topics.ACTIONS_INGEST, account, ancient);
        for (int i = 10; i < 20; i++) {
            ingest("d-" + i, "p-1", now, now, 100 + i);
        }

        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 21);
        await().atMost(WAIT).until(() -> dlt().contains(farFuture) && dlt().contains(ancient));
        assertThat(dlt()).hasSize(2);
        assertThat(get("/actions?state=PENDING").get("total").asLong()).isEqualTo(21);
        assertThat(get("/actions/far-1").get("status").asInt()).isEqualTo(404);
        assertThat(get("/actions/old-1").get("status").asInt()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT error FROM dead_letters WHERE record_key = ? AND record_value LIKE ?",
                String.class, account, "%far-1%")).contains("eventAt 2999-01-01T00:00:00Z is later than the receiving clock");
        assertThat(jdbc.queryForObject("SELECT error FROM dead_letters WHERE record_key = ? AND record_value LIKE ?",
                String.class, account, "%old-1%")).contains("eventAt 1999-12-31T23:59:59Z is before 2000-01-01");
    }

    @Test
    void batches_give_a_result_per_action_and_bad_input_is_refused_with_4xx_and_changes_nothing() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        for (String id : List.of("b-1", "b-2", "b-3")) {
            assertThat(postAs(SERVICE, "/actions", Map.of("actionId", id, "partnerId", "p-1", "eventAt", now.toString(),
                    "costMinor", 1_000, "currency", "EUR")).status()).isEqualTo(201);
        }
        assertThat(post("/actions/b-3/reverse", Map.of("reason", "fraud")).status()).isEqualTo(200);

        var batch = post("/actions/batch", Map.of("operation", "APPROVE", "actionIds", List.of("b-1", "b-2", "b-3", "nope")));
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("changed").asInt()).isEqualTo(2);
        assertThat(batch.body().get("refused").asInt()).isEqualTo(1);
        assertThat(batch.body().get("notFound").asInt()).isEqualTo(1);
        assertThat(batch.body().get("results").get(2).get("outcome").asString()).isEqualTo("REFUSED");

        var tooMany = new ArrayList<String>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add("id-" + i);
        }
        assertThat(post("/actions/batch", Map.of("operation", "APPROVE", "actionIds", tooMany)).status()).isEqualTo(400);
        assertThat(post("/actions/b-1/modify", Map.of("costMinor", 5, "currency", "USD", "reason", "x")).status())
                .isEqualTo(400);
        assertThat(postAs(SERVICE, "/actions", Map.of("actionId", "z-1", "partnerId", "p-1", "eventAt", now.toString(),
                "costMinor", 0, "currency", "EUR")).status()).isEqualTo(400);
        assertThat(postAs(SERVICE, "/actions", Map.of("actionId", "z-2", "partnerId", "p-1", "eventAt", now.toString(),
                "costMinor", 10, "currency", "USD")).status()).isEqualTo(400);
        assertThat(get("/actions/z-1").get("status").asInt()).isEqualTo(404);
        assertThat(post("/actions/unknown/approve", null).status()).isEqualTo(404);
        assertThat(put("/locking-settings", settings(0, 28, "MONTH", 0, "UTC")).status()).isEqualTo(400);
        assertThat(put("/locking-settings", settings(0, 3, "MONTH", 0, "Mars/Olympus")).status()).isEqualTo(400);
        assertThat(get("/locking-settings").get("lockMonths").asInt()).isEqualTo(1);
        assertThat(get("/actions?state=APPROVED&limit=1").get("total").asLong()).isEqualTo(2);
        assertThat(get("/actions?state=APPROVED&limit=1").get("items").size()).isEqualTo(1);
        assertThat(get("/actions?state=WHATEVER").get("status").asInt()).isEqualTo(400);
    }

    @Test
    void a_batch_of_10000_longest_ids_fits_the_request_size_limit_and_invalid_fields_are_named() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(String.format("%0100d", i));
        }
        var batch = post("/actions/batch", Map.of("operation", "REVERSE", "reason", "r".repeat(500), "actionIds", ids));
        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(200);
        assertThat(batch.body().get("notFound").asInt()).isEqualTo(10_000);

        var incomplete = postAs(SERVICE, "/actions", Map.of("actionId", "f 1", "partnerId", "p-1"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().get("fieldErrors").propertyNames())
                .contains("actionId", "eventAt", "costMinor", "currency");
        var badBatch = post("/actions/batch", Map.of("operation", "APPROVE", "actionIds", List.of("ok", "not ok")));
        assertThat(badBatch.status()).isEqualTo(400);
        assertThat(badBatch.body().get("fieldErrors").propertyNames()).anyMatch(f -> f.startsWith("actionIds"));
        var badPage = get("/actions?state=WHATEVER&limit=0");
        assertThat(badPage.get("status").asInt()).isEqualTo(400);
        assertThat(badPage.get("fieldErrors").propertyNames()).contains("state", "limit");
        assertThat(get("/actions").get("total").asLong()).isZero();
    }

    // ------------------------------------------------------------------ issue 11

    /** Point 11: the conversion overtakes ContractActivated on the other topic; the activation sets it right. */
    @Test
    void an_action_rejected_outside_of_terms_is_pending_again_when_a_covering_contract_arrives_later() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        Instant now = clock.instant();
        ingest("race-1", "p-race", now.minus(Duration.ofMinutes(5)), now, 800);
        await().atMost(WAIT).until(() -> events("ActionRejected").size() == 1);
        assertThat(payload(events("ActionRejected").getFirst()).get("reason").asString()).isEqualTo("OUTSIDE_OF_TERMS");
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 1);

        // The contract was created (and active) before the conversion happened.
        activateContract("p-race", now.minus(Duration.ofHours(1)));
        await().atMost(WAIT).until(() -> "PENDING".equals(get("/actions/race-1").get("state").asString()));
        await().atMost(WAIT).until(() -> events("PayoutsPending").size() == 1);
        assertThat(payload(events("PayoutsPending").getFirst()).get("pendingActions").asLong()).isEqualTo(1);
        // The re-evaluation is recorded in the action's stream (the audit trail).
        assertThat(jdbc.queryForList("SELECT event_type FROM events WHERE stream_id = ? ORDER BY version", String.class,
                "action:" + account + ":race-1"))
                .containsExactly("ActionTracked", "ActionRejected", "ActionReevaluated");

        // From there the normal path: approving it settles the account again.
        assertThat(post("/actions/race-1/approve", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 2);
        assertThat(probe.sourceVersions(account, "PayoutsPending", "PayoutsSettled")).containsExactly(1L, 2L, 3L);
    }

    /** Point 2: the last lock date covers the day the last contract expires, learnt from the contracts topic. */
    @Test
    void the_last_lock_date_covers_the_last_contract_s_expiry_day_in_the_account_zone() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        putSettings(1, 0, "MONTH", 10, la.getId());
        activateContract("p-1", clock.instant().minus(Duration.ofDays(30)));
        Instant now = clock.instant();
        ingest("h-1", "p-1", now.minus(Duration.ofMinutes(1)), now, 1_000);
        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 1);
        assertThat(post("/actions/h-1/approve", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 1);
        LocalDate actionLock = LocalDate.parse(payload(events("PayoutsSettled").getFirst()).get("lastLockDate").asString());

        // The brand schedules the contract's expiry 45 days ahead: 23:59:59 of that day in Los Angeles.
        LocalDate expiryDay = LocalDate.ofInstant(now, la).plusDays(45);
        Instant expiresAt = expiryDay.atTime(23, 59, 59).atZone(la).toInstant();
        LocalDate contractLock = java.time.YearMonth.from(expiryDay).plusMonths(1).atEndOfMonth();
        assertThat(contractLock).isAfter(actionLock);
        probe.send(Topics.CONTRACTS, account, envelope("ContractExpiryScheduled", Map.of("accountId", account,
                "contractId", "c-p-1", "partnerId", "p-1", "expiresAt", expiresAt.toString())));
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 2);
        JsonNode settled = payload(events("PayoutsSettled").get(1));
        assertThat(settled.get("lastLockDate").asString()).isEqualTo(contractLock.toString());
        assertThat(Instant.parse(settled.get("lastLockAt").asString()))
                .isEqualTo(contractLock.plusDays(1).atStartOfDay(la).toInstant());
    }

    /** Point 3: the first settings decide the account's currency and zone, once, and announce them. */
    @Test
    void the_first_settings_decide_the_account_currency_and_zone_once_and_another_one_is_a_409_naming_both() {
        putSettings(1, 0, "MONTH", 10, "Pacific/Auckland");
        await().atMost(WAIT).until(() -> events("AccountLocaleDecided").size() == 1);
        JsonNode decided = payload(events("AccountLocaleDecided").getFirst());
        assertThat(decided.get("currency").asString()).isEqualTo("EUR");
        assertThat(decided.get("zone").asString()).isEqualTo("Pacific/Auckland");
        // The periods may still change; the currency and zone may not.
        putSettings(2, 0, "MONTH", 10, "Pacific/Auckland");
        var otherCurrency = put("/locking-settings", settingsIn("Pacific/Auckland", "USD"));
        assertThat(otherCurrency.status()).isEqualTo(409);
        assertThat(otherCurrency.body().get("detail").asString())
                .isEqualTo("account " + account + "'s currency is EUR, not USD");
        var otherZone = put("/locking-settings", settingsIn("America/Los_Angeles", "EUR"));
        assertThat(otherZone.status()).isEqualTo(409);
        assertThat(otherZone.body().get("detail").asString())
                .isEqualTo("account " + account + "'s time zone is Pacific/Auckland, not America/Los_Angeles");
        assertThat(get("/locking-settings").get("lockMonths").asInt()).isEqualTo(2);
        assertThat(get("/locking-settings").get("zone").asString()).isEqualTo("Pacific/Auckland");
        // Decided once: the second settings announced nothing (the refusals neither); a later event shows it.
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        ingest("l-1", "p-1", clock.instant(), clock.instant(), 100);
        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 1);
        assertThat(events("AccountLocaleDecided")).hasSize(1);
    }

    /** A zone is compared by its rules: "Etc/UTC" or "Z" after "UTC" is the decided zone, kept as "UTC". */
    @Test
    void the_decided_zone_spelled_otherwise_is_no_409_and_keeps_the_id_first_decided() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        await().atMost(WAIT).until(() -> events("AccountLocaleDecided").size() == 1);
        assertThat(payload(events("AccountLocaleDecided").getFirst()).get("zone").asString()).isEqualTo("UTC");
        var etcUtc = put("/locking-settings", settings(2, 0, "MONTH", 10, "Etc/UTC"));
        assertThat(etcUtc.status()).isEqualTo(200);
        assertThat(etcUtc.body().get("zone").asString()).isEqualTo("UTC");
        assertThat(put("/locking-settings", settings(3, 0, "MONTH", 10, "Z")).status()).isEqualTo(200);
        assertThat(get("/locking-settings").get("lockMonths").asInt()).isEqualTo(3);
        assertThat(get("/locking-settings").get("zone").asString()).isEqualTo("UTC");
        var otherZone = put("/locking-settings", settingsIn("Europe/London", "EUR"));
        assertThat(otherZone.status()).isEqualTo(409);
        assertThat(otherZone.body().get("detail").asString())
                .isEqualTo("account " + account + "'s time zone is UTC, not Europe/London");
        // Nothing was decided again: a later event shows the decision stayed one.
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        ingest("l-1", "p-1", clock.instant(), clock.instant(), 100);
        await().atMost(WAIT).until(() -> events("ActionTracked").size() == 1);
        assertThat(events("AccountLocaleDecided")).hasSize(1);
    }

    /** Point 3: a first conversion for an unknown account is tracked in its own currency and fixes nothing. */
    @Test
    void a_first_conversion_for_an_unknown_account_does_not_pin_its_currency() {
        activateContract("p-1", clock.instant().minus(Duration.ofDays(1)));
        var created = postAs(SERVICE, "/actions", Map.of("actionId", "u-1", "partnerId", "p-1",
                "eventAt", clock.instant().toString(), "costMinor", 700, "currency", "USD"));
        assertThat(created.status()).isEqualTo(201);
        var settings = get("/locking-settings");
        assertThat(settings.get("stored").asBoolean()).isFalse();
        assertThat(settings.hasNonNull("currency")).as("no currency fixed: %s", settings).isFalse();
        // The brand's settings decide EUR; the USD action stays pending in USD (funding keeps such a cost blocked).
        assertThat(put("/locking-settings", settingsIn("UTC", "EUR")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("AccountLocaleDecided").size() == 1);
        assertThat(payload(events("AccountLocaleDecided").getFirst()).get("currency").asString()).isEqualTo("EUR");
        var action = get("/actions/u-1");
        assertThat(action.get("state").asString()).isEqualTo("PENDING");
        assertThat(action.get("currency").asString()).isEqualTo("USD");
        assertThat(jdbc.queryForObject("SELECT locale_decided_at IS NOT NULL FROM payouts_accounts WHERE account_id = ?",
                Boolean.class, account)).isTrue();
    }

    /** Point 2: no action at all, only an expired contract: settled, with the contract's lock date. */
    @Test
    void a_brand_with_no_actions_but_an_expired_contract_is_settled_with_the_contract_s_lock_date() {
        // No settings either: the defaults apply (1 month after the end of the month, UTC).
        Instant expiredAt = clock.instant().minus(Duration.ofHours(1));
        probe.send(Topics.CONTRACTS, account, envelope("ContractExpired", Map.of("accountId", account,
                "contractId", "c-9", "partnerId", "p-9", "expiredAt", expiredAt.toString(), "comment", "bulk")));
        await().atMost(WAIT).until(() -> events("PayoutsSettled").size() == 1);
        LocalDate expected = java.time.YearMonth.from(LocalDate.ofInstant(expiredAt, ZoneId.of("UTC")))
                .plusMonths(1).atEndOfMonth();
        assertThat(payload(events("PayoutsSettled").getFirst()).get("lastLockDate").asString())
                .isEqualTo(expected.toString());
    }

    /** The summary's snapshot state keeps the contract ends; a snapshot taken before they existed reads with none. */
    @Test
    void the_summary_snapshot_state_round_trips_with_its_contract_ends_and_old_snapshots_read_without() {
        var state = new com.brandclosure.payouts.domain.PayoutsSummary.State(
                com.brandclosure.payouts.domain.PayoutsSummary.Announced.SETTLED, LocalDate.of(2026, 4, 30),
                Map.of("c-1", Instant.parse("2026-03-31T21:59:59Z")));
        assertThat(codec.read(codec.write(state), com.brandclosure.payouts.domain.PayoutsSummary.State.class))
                .isEqualTo(state);
        var old = codec.read("{\"announced\":\"PENDING\",\"lastLockDate\":null}",
                com.brandclosure.payouts.domain.PayoutsSummary.State.class);
        assertThat(old.contractEnds()).isEmpty();
        assertThat(old.announced()).isEqualTo(com.brandclosure.payouts.domain.PayoutsSummary.Announced.PENDING);
    }

    /** FinalReviewApproved fences the account as the deactivation does, and the fence is confirmed once. */
    @Test
    void final_review_approved_fences_the_account_and_confirms_it_once_with_account_fenced() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(60)));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        String ticket = "CLS-" + account + "-1";
        Map<String, Object> approval = Map.of("accountId", account, "ticketId", ticket, "approver", "agent-7",
                "closureDate", today.toString());
        // An approval without a closure date (the deactivation followed in the same step) fences nothing here.
        probe.send(Topics.CLOSURE, account, envelope("FinalReviewApproved", Map.of("accountId", account,
                "ticketId", "CLS-" + account + "-0", "approver", "agent-7")));
        probe.send(Topics.CLOSURE, account, envelope("FinalReviewApproved", approval));
        // The same approval again under another event id: the fence is up already, nothing more is confirmed.
        probe.send(Topics.CLOSURE, account, envelope("FinalReviewApproved", approval));

        await().atMost(WAIT).until(() -> events("AccountFenced").size() == 1);
        assertThat(payload(events("AccountFenced").getFirst()).get("closureId").asString()).isEqualTo(ticket);
        assertThat(payload(events("AccountFenced").getFirst()).get("service").asString()).isEqualTo("payouts-service");
        // Fenced before the deactivation: a new action on the closure date is rejected ACCOUNT_CLOSED.
        ingest("after-fence", "p-1", now, now, 200);
        await().atMost(WAIT).until(() -> events("ActionRejected").size() == 1);
        assertThat(payload(events("ActionRejected").getFirst()).get("reason").asString()).isEqualTo("ACCOUNT_CLOSED");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> events("AccountFenced").size() == 1);
    }

    /** Point 5: after the deactivation a reversed action cannot be restored: 409 with the reason. */
    @Test
    void a_reversed_action_cannot_be_restored_after_the_account_was_deactivated() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(10)));
        Instant now = clock.instant();
        for (String id : List.of("r-1", "r-2")) {
            assertThat(postAs(SERVICE, "/actions", Map.of("actionId", id, "partnerId", "p-1",
                    "eventAt", now.minus(Duration.ofDays(2)).toString(), "costMinor", 1_000, "currency", "EUR"))
                    .status()).isEqualTo(201);
            assertThat(post("/actions/" + id + "/reverse", Map.of("reason", "fraud")).status()).isEqualTo(200);
        }
        // Before the deactivation (and before its lock date) a restore is allowed.
        assertThat(post("/actions/r-1/restore", null).status()).isEqualTo(200);
        assertThat(post("/actions/r-1/reverse", Map.of("reason", "fraud after all")).status()).isEqualTo(200);

        LocalDate closureDate = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        probe.send(Topics.CLOSURE, account, envelope("AccountDeactivated", Map.of("accountId", account,
                "closureDate", closureDate.toString(), "deactivatedAt", now.toString())));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM payouts_accounts WHERE account_id = ? AND closure_date IS NOT NULL", Long.class,
                account) == 1);

        var refused = post("/actions/r-1/restore", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString())
                .contains("cannot restore action r-1: the account was deactivated (closure date " + closureDate + ")");
        assertThat(get("/actions/r-1").get("state").asString()).isEqualTo("REVERSED");
        var batch = post("/actions/batch", Map.of("operation", "RESTORE", "actionIds", List.of("r-1", "r-2")));
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("refused").asInt()).isEqualTo(2);
        assertThat(batch.body().get("results").get(1).get("message").asString()).contains("deactivated");
    }

    /** Restore only while the account is not closing: refused from ClosureRequested, allowed again after ClosureCancelled. */
    @Test
    void a_reversed_action_cannot_be_restored_once_the_closure_is_requested_until_it_is_cancelled() {
        putSettings(1, 0, "MONTH", 10, "UTC");
        activateContract("p-1", clock.instant().minus(Duration.ofDays(10)));
        Instant now = clock.instant();
        assertThat(postAs(SERVICE, "/actions", Map.of("actionId", "c-1", "partnerId", "p-1",
                "eventAt", now.minus(Duration.ofDays(2)).toString(), "costMinor", 1_000, "currency", "EUR"))
                .status()).isEqualTo(201);
        assertThat(post("/actions/c-1/reverse", Map.of("reason", "fraud")).status()).isEqualTo(200);

        probe.send(Topics.CLOSURE, account, envelope("ClosureRequested", Map.of("accountId", account,
                "ticketId", "CLO-" + account + "-1", "requestedAt", now.toString())));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM payouts_accounts "
                + "WHERE account_id = ? AND closure_requested_at IS NOT NULL", Long.class, account) == 1);
        var refused = post("/actions/c-1/restore", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString())
                .contains("cannot restore action c-1: the account is closing (closure requested at " + now);
        assertThat(get("/actions/c-1").get("state").asString()).isEqualTo("REVERSED");

        probe.send(Topics.CLOSURE, account, envelope("ClosureCancelled", Map.of("accountId", account,
                "cancelledBy", "brand-admin", "reason", "not yet")));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM payouts_accounts "
                + "WHERE account_id = ? AND closure_requested_at IS NULL", Long.class, account) == 1);
        assertThat(post("/actions/c-1/restore", null).status()).isEqualTo(200);
        assertThat(get("/actions/c-1").get("state").asString()).isEqualTo("PENDING");
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void a_closed_account_is_shredded_after_the_retention_partner_ids_and_reasons_redacted_amounts_kept() {
        putSettings(0, 0, "DAY", 0, "UTC");
        activateContract("partner-secret", clock.instant().minus(Duration.ofDays(1)));
        Instant now = clock.instant();
        assertThat(postAs(SERVICE, "/actions", Map.of("actionId", "s-1", "partnerId", "partner-secret",
                "eventAt", now.toString(), "costMinor", 4_200, "currency", "EUR")).status()).isEqualTo(201);
        assertThat(post("/actions/s-1/reverse", Map.of("reason", "reason-secret")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("ActionReversed").size() == 1);
        assertThat(jdbc.queryForList(Shreddings.STORED_ROWS, String.class, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("partner-secret") || row.contains("reason-secret"));
        // Published in clear for funding and the ledger (platform.crypto package-info): only there.
        assertThat(jdbc.queryForList("SELECT event_type FROM outbox WHERE message_key = ? AND envelope LIKE ?",
                String.class, account, "%-secret%")).containsOnly("ActionTracked", "ActionReversed");

        probe.send(Topics.CLOSURE, account, Shreddings.accountClosed(account, clock.instant().minus(Duration.ofDays(91))));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(Shreddings.SHREDDED, Integer.class, account) == 1);

        assertThat(jdbc.queryForObject(Shreddings.EVIDENCE, Integer.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT partner_id, reason, cost_minor, state FROM actions WHERE account_id = ?",
                account)).containsEntry("partner_id", "<shredded>").containsEntry("reason", "<shredded>")
                .containsEntry("cost_minor", 4_200L).containsEntry("state", "REVERSED");
        assertThat(jdbc.queryForList("SELECT partner_id FROM contract_periods WHERE account_id = ?", String.class,
                account)).containsExactly("<shredded>");
        var audit = http.get().uri("/api/v1/accounts/" + account + "/audit")
                .header("Authorization", TestTokens.support("sue")).retrieve().body(String.class);
        assertThat(audit).contains("ActionTracked").contains("4200").contains("AccountDataShredded")
                .contains("<shredded>").doesNotContain("partner-secret").doesNotContain("reason-secret");
        var late = post("/actions/s-1/restore", null);
        assertThat(late.status()).isEqualTo(410);
    }

    record Response(int status, JsonNode body) {
    }

    Response post(String path, Object body) {
        return postAs(admin, path, body);
    }

    Response postAs(String authorization, String path, Object body) {
        var spec = http.post().uri("/api/v1/accounts/" + account + path).header("Authorization", authorization);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res.getBody())));
    }

    Response put(String path, Object body) {
        return http.put().uri("/api/v1/accounts/" + account + path).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body))
                .exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res.getBody())));
    }

    JsonNode get(String path) {
        return http.get().uri("/api/v1/accounts/" + account + path).header("Authorization", admin)
                .exchange((req, res) -> {
            JsonNode node = readBody(res.getBody());
            return node.isObject() && !node.has("status")
                    ? ((tools.jackson.databind.node.ObjectNode) node).put("status", res.getStatusCode().value())
                    : node;
        });
    }

    JsonNode readBody(java.io.InputStream in) throws java.io.IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }

    static Map<String, Object> settings(int months, int days, String period, int scheduling, String zone) {
        return Map.of("lockMonths", months, "lockDays", days, "referencePeriod", period,
                "paymentSchedulingDays", scheduling, "zone", zone, "currency", "EUR");
    }

    static Map<String, Object> settingsIn(String zone, String currency) {
        return Map.of("lockMonths", 1, "lockDays", 0, "referencePeriod", "MONTH", "paymentSchedulingDays", 10,
                "zone", zone, "currency", currency);
    }

    void putSettings(int months, int days, String period, int scheduling, String zone) {
        assertThat(put("/locking-settings", settings(months, days, period, scheduling, zone)).status()).isEqualTo(200);
    }

    void activateContract(String partner, Instant at) {
        probe.send(Topics.CONTRACTS, account, envelope("ContractActivated", Map.of("accountId", account,
                "contractId", "c-" + partner, "partnerId", partner, "activatedAt", at.toString())));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM contract_periods WHERE account_id = ? AND partner_id = ?", Long.class,
                account, partner) == 1);
    }

    void ingest(String actionId, String partner, Instant eventAt, Instant reportedAt, long costMinor) {
        probe.send(Topics.ACTIONS_INGEST, account, conversion(actionId, partner, eventAt, reportedAt, costMinor));
    }

    String conversion(String actionId, String partner, Instant eventAt, Instant reportedAt, long costMinor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountId", account);
        payload.put("actionId", actionId);
        payload.put("partnerId", partner);
        payload.put("eventAt", eventAt.toString());
        payload.put("reportedAt", reportedAt.toString());
        payload.put("costMinor", costMinor);
        payload.put("currency", "EUR");
        return envelope("ConversionTracked", payload);
    }

    String envelope(String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("accountId", account);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("actor", "integration-test");
        envelope.put("payload", payload);
        return json.writeValueAsString(envelope);
    }

    List<ConsumerRecord<String, String>> events(String type) {
        return probe.events(type, account);
    }

    JsonNode payload(ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("payload");
    }

    List<String> dlt() {
        return probe.records(r -> r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX) && account.equals(r.key()))
                .stream().map(ConsumerRecord::value).toList();
    }
}
