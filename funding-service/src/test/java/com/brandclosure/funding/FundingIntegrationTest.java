package com.brandclosure.funding;

import com.brandclosure.platform.inbox.InboundBatches;
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
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * funding-service against real Kafka and PostgreSQL; payouts-service's events are sent as it would
 * send them. Requests carry real JWTs: the account's brand admin by default, SERVICE for the
 * bank's callbacks (clear, fail), SUPPORT for the refund authorization.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "funding_it")
@Import(FundingIntegrationTest.TestClock.class)
class FundingIntegrationTest {

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
    InboundBatches inbound;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    com.brandclosure.platform.crypto.PersonalData personal;

    RestClient http;
    String account;
    /** The account's brand admin: the default caller. */
    String admin;
    /** The bank's and billing's callbacks. */
    static final String SERVICE = TestTokens.service("svc");
    /** Support authorizes the final refund. */
    static final String SUPPORT = TestTokens.support("agent-1");

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(Topics.FUNDING, Topics.PAYOUTS + Topics.DEAD_LETTER_SUFFIX);
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
        account = "fit-" + ACCOUNTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin = TestTokens.brandAdmin("ann", account);
    }

    @Test
    void funding_follows_payouts_a_deposit_makes_it_sufficient_and_a_failed_ach_insufficient_again() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("FundingSufficient").size() == 1);

        approved("a-1", 5_000, clock.instant().plus(Duration.ofDays(20)));
        await().atMost(WAIT).until(() -> events("FundingInsufficient").size() == 1);
        JsonNode required = payload(events("RequiredFundingChanged").getLast());
        assertThat(required.get("requiredMinor").asLong()).isEqualTo(5_000);
        assertThat(required.get("pendingPaymentsMinor").asLong()).isEqualTo(5_000);
        assertThat(get("").get("pendingPartnerCostsMinor").asLong()).isEqualTo(5_000);

        var ach = post("/deposits", Map.of("depositId", "ach-1", "method", "ACH", "amountMinor", 5_000,
                "currency", "EUR"));
        assertThat(ach.status()).isEqualTo(201);
        assertThat(ach.body().get("account").get("pendingDepositsMinor").asLong()).isEqualTo(5_000);
        assertThat(ach.body().get("account").get("sufficient").asBoolean()).isFalse();
        assertThat(postAs(SERVICE, "/deposits/ach-1/clear", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("FundingSufficient").size() == 2);

        assertThat(postAs(SERVICE, "/deposits/ach-1/fail", Map.of("reason", "R01 insufficient funds")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("FundingInsufficient").size() == 2);
        assertThat(events("DepositFailed")).hasSize(1);
        assertThat(get("").get("balanceMinor").asLong()).isZero();

        // A reversed action is no longer owed.
        send("ActionReversed", Map.of("accountId", account, "actionId", "a-1", "reason", "fraud"));
        await().atMost(WAIT).until(() -> events("FundingSufficient").size() == 3);
        assertThat(get("").get("requiredFundingMinor").asLong()).isZero();
        // Each summary carries its stored version in the account stream: rising, never repeated.
        assertThat(probe.sourceVersions(account, "FundingSufficient", "FundingInsufficient"))
                .hasSize(5).isSorted().doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void a_locked_cost_is_paid_at_its_clearing_date_or_becomes_past_due() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        assertThat(post("/deposits", Map.of("depositId", "card-1", "method", "CARD", "amountMinor", 10_000,
                "currency", "EUR")).status()).isEqualTo(201);
        assertThat(postAs(SERVICE, "/deposits/card-1/clear", null).status()).isEqualTo(200);
        Instant clearingAt = clock.instant().plus(Duration.ofDays(2));
        approved("c-1", 4_000, clearingAt);
        locked("c-1", 4_000, clearingAt);
        approved("c-2", 9_000, clearingAt);
        locked("c-2", 9_000, clearingAt);
        await().atMost(WAIT).until(() -> get("").get("pendingPartnerCostsMinor").asLong() == 13_000);

        clock.advanceTo(clearingAt.plusSeconds(1));
        // c-1 (4,000) is paid from 10,000; c-2 (9,000) cannot be covered by the remaining 6,000.
        await().atMost(WAIT).until(() -> events("PaymentOverdue").size() == 1);
        var overview = get("");
        assertThat(overview.get("balanceMinor").asLong()).isEqualTo(6_000);
        assertThat(overview.get("pastDueMinor").asLong()).isEqualTo(9_000);
        assertThat(overview.get("sufficient").asBoolean()).isFalse();
        assertThat(payload(events("PaymentOverdue").getFirst()).get("paymentId").asString()).isEqualTo("c-2");
    }

    @Test
    void after_deactivation_and_once_every_locked_cost_cleared_the_balance_is_refunded() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        assertThat(post("/deposits", Map.of("depositId", "card-1", "method", "CARD", "amountMinor", 7_000,
                "currency", "EUR")).status()).isEqualTo(201);
        assertThat(postAs(SERVICE, "/deposits/card-1/clear", null).status()).isEqualTo(200);
        Instant clearingAt = clock.instant().plus(Duration.ofDays(400));
        approved("r-1", 2_500, clearingAt);
        locked("r-1", 2_500, clearingAt);
        await().atMost(WAIT).until(() -> get("").get("pendingPartnerCostsMinor").asLong() == 2_500);

        var early = postAs(SUPPORT, "/refund-authorizations", null);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("detail").asString()).contains("not been deactivated");

        send(Topics.CLOSURE, "AccountDeactivated", Map.of("accountId", account,
                "closureDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(),
                "deactivatedAt", clock.instant().toString()));
        await().atMost(WAIT).until(() -> !get("").get("closureDate").isNull());
        var stillLocked = postAs(SUPPORT, "/refund-authorizations", null);
        assertThat(stillLocked.status()).isEqualTo(422);
        assertThat(stillLocked.body().get("detail").asString()).contains("not cleared");

        send("ActionCleared", Map.of("accountId", account, "actionId", "r-1", "costMinor", 2_500, "currency", "EUR",
                "clearedOn", LocalDate.ofInstant(clearingAt, ZoneOffset.UTC).toString()));
        await().atMost(WAIT).until(() -> get("").get("pendingPartnerCostsMinor").asLong() == 0);

        var refund = postAs(SUPPORT, "/refund-authorizations", null);
        assertThat(refund.status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> events("RefundIssued").size() == 1);
        assertThat(payload(events("RefundIssued").getFirst()).get("amountMinor").asLong()).isEqualTo(4_500);
        assertThat(events("RefundAuthorized")).hasSize(1);
        // Who authorized travels sealed with the account's key (platform.crypto) and opens to the support agent.
        String authorizedBy = payload(events("RefundAuthorized").getFirst()).get("authorizedBy").asString();
        assertThat(authorizedBy).startsWith("enc:v1:").doesNotContain("agent-1");
        assertThat(personal.openText(authorizedBy)).contains("agent-1");
        var closed = get("");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("balanceMinor").asLong()).isZero();
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", 1, "currency", "EUR")).status())
                .isEqualTo(409);
    }

    @Test
    void final_review_approved_fences_the_account_and_confirms_it_once_with_account_fenced() {
        String ticket = "CLS-" + account + "-1";
        Map<String, Object> approval = Map.of("accountId", account, "ticketId", ticket, "approver", "agent-7",
                "closureDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        send(Topics.CLOSURE, "FinalReviewApproved", approval);
        // The same approval again under another event id: the fence is up already, nothing more is confirmed.
        send(Topics.CLOSURE, "FinalReviewApproved", approval);

        await().atMost(WAIT).until(() -> events("AccountFenced").size() == 1);
        assertThat(payload(events("AccountFenced").getFirst()).get("closureId").asString()).isEqualTo(ticket);
        assertThat(payload(events("AccountFenced").getFirst()).get("service").asString()).isEqualTo("funding-service");
        // Fenced: no funding account is opened for a closing account (a late cost cannot open one either way).
        var refused = put("", Map.of("currency", "EUR"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("is closing", ticket);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> events("AccountFenced").size() == 1);
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_changes_nothing() {
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", 100, "currency", "EUR")).status())
                .isEqualTo(404);
        assertThat(put("", Map.of("currency", "EURO")).status()).isEqualTo(400);
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        assertThat(put("", Map.of("currency", "USD")).status()).isEqualTo(409);
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", 0, "currency", "EUR")).status())
                .isEqualTo(400);
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", -10, "currency", "EUR")).status())
                .isEqualTo(400);
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", 100, "currency", "USD")).status())
                .isEqualTo(400);
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", Long.MAX_VALUE, "currency", "EUR"))
                .status()).isEqualTo(400);
        assertThat(post("/deposits", Map.of("method", "CHEQUE", "amountMinor", 100, "currency", "EUR")).status())
                .isEqualTo(400);
        assertThat(post("/deposits", Map.of("depositId", "w-1", "method", "WIRE", "amountMinor", 100,
                "currency", "EUR")).status()).isEqualTo(201);
        assertThat(postAs(SERVICE, "/deposits/nope/clear", null).status()).isEqualTo(404);
        var invalid = post("/deposits", Map.of("amountMinor", 0, "currency", "EURO"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("fieldErrors").propertyNames()).contains("method", "amountMinor", "currency");
        var overview = get("");
        assertThat(overview.get("balanceMinor").asLong()).isZero();
        assertThat(overview.get("pendingDepositsMinor").asLong()).isEqualTo(100);
    }

    @Test
    void a_deposit_is_credited_only_on_the_service_confirmation_and_a_failure_callback_fails_it() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        var requested = post("/deposits", Map.of("depositId", "card-1", "method", "CARD", "amountMinor", 3_000,
                "currency", "EUR"));
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.body().get("account").get("balanceMinor").asLong()).isZero();
        assertThat(requested.body().get("account").get("pendingDepositsMinor").asLong()).isEqualTo(3_000);
        // The brand admin cannot confirm its own deposit.
        assertThat(post("/deposits/card-1/clear", null).status()).isEqualTo(403);
        assertThat(postAs(SERVICE, "/deposits/card-1/clear", null).body().get("balanceMinor").asLong())
                .isEqualTo(3_000);
        await().atMost(WAIT).until(() -> events("DepositCleared").size() == 1);
        assertThat(payload(events("DepositReceived").getFirst()).get("pending").asBoolean()).isTrue();

        assertThat(post("/deposits", Map.of("depositId", "card-2", "method", "CARD", "amountMinor", 500,
                "currency", "EUR")).status()).isEqualTo(201);
        assertThat(postAs(SERVICE, "/deposits/card-2/fail", Map.of("reason", "declined")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("DepositFailed").size() == 1);
        // DepositFailed.reason is declared personal: sealed on Kafka, "declined" for whoever holds the key.
        String failedReason = payload(events("DepositFailed").getFirst()).get("reason").asString();
        assertThat(failedReason).startsWith("enc:v1:").doesNotContain("declined");
        assertThat(personal.openText(failedReason)).isEqualTo("declined");
        // Once credited, only an ACH debit can still fail.
        assertThat(postAs(SERVICE, "/deposits/card-1/fail", Map.of("reason", "x")).status()).isEqualTo(422);
        var overview = get("");
        assertThat(overview.get("balanceMinor").asLong()).isEqualTo(3_000);
        assertThat(overview.get("pendingDepositsMinor").asLong()).isZero();
    }

    @Test
    void another_currency_or_zone_for_the_account_is_refused_with_409_naming_both() {
        assertThat(put("", Map.of("currency", "EUR", "zone", "Pacific/Auckland")).status()).isEqualTo(200);
        var currency = put("", Map.of("currency", "USD"));
        assertThat(currency.status()).isEqualTo(409);
        assertThat(currency.body().get("detail").asString()).contains("EUR").contains("USD");
        var zone = put("", Map.of("currency", "EUR", "zone", "America/Los_Angeles"));
        assertThat(zone.status()).isEqualTo(409);
        assertThat(zone.body().get("detail").asString()).contains("Pacific/Auckland").contains("America/Los_Angeles");
        assertThat(get("").get("zone").asString()).isEqualTo("Pacific/Auckland");
    }

    /** Issue 11 point 3: the currency and zone payouts-service decided open the account; another one is a 409. */
    @Test
    void the_account_locale_decided_in_payouts_opens_the_account_and_another_currency_or_zone_is_a_409_naming_both() {
        send("AccountLocaleDecided", Map.of("accountId", account, "currency", "EUR", "zone", "Pacific/Auckland",
                "decidedAt", clock.instant().toString()));
        await().atMost(WAIT).until(() -> "ACTIVE".equals(get("").path("status").asString(null)));
        assertThat(get("").get("currency").asString()).isEqualTo("EUR");
        assertThat(get("").get("zone").asString()).isEqualTo("Pacific/Auckland");
        var currency = put("", Map.of("currency", "USD"));
        assertThat(currency.status()).isEqualTo(409);
        assertThat(currency.body().get("detail").asString()).isEqualTo("funding account " + account + " is in EUR, not USD");
        var zone = put("", Map.of("currency", "EUR", "zone", "America/Los_Angeles"));
        assertThat(zone.status()).isEqualTo(409);
        assertThat(zone.body().get("detail").asString())
                .isEqualTo("funding account " + account + " is in time zone Pacific/Auckland, not America/Los_Angeles");
        // The brand's own request in the decided currency (zone not given, or the same) is accepted.
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        assertThat(put("", Map.of("currency", "EUR", "zone", "Pacific/Auckland")).status()).isEqualTo(200);
    }

    @Test
    void a_cost_funding_cannot_book_is_never_dropped_it_blocks_with_a_reason_until_support_resolves_it() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> events("FundingSufficient").size() == 1);
        LocalDate clearingDate = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(20)), ZoneOffset.UTC);
        send("ActionApproved", Map.of("accountId", account, "actionId", "usd-1", "costMinor", 900, "currency", "USD",
                "lockDate", clearingDate.minusDays(5).toString(), "clearingDate", clearingDate.toString(),
                "clearingAt", clearingDate.atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        await().atMost(WAIT).until(() -> events("FundingInsufficient").size() == 1);
        JsonNode blocker = payload(events("FundingInsufficient").getFirst()).get("blockers").get(0);
        assertThat(blocker.get("kind").asString()).isEqualTo("COST_NOT_BOOKABLE");
        assertThat(blocker.get("id").asString()).isEqualTo("usd-1");
        assertThat(blocker.get("reason").asString()).contains("USD").contains("EUR").contains("IN_ACCOUNT_CURRENCY");
        assertThat(get("").get("blockers").get(0).get("id").asString()).isEqualTo("usd-1");
        assertThat(get("").get("sufficient").asBoolean()).isFalse();

        // Only support resolves it, with a note: written off here, and the account is sufficient again.
        assertThat(post("/blocked-costs/usd-1/resolution", Map.of("note", "paid outside")).status()).isEqualTo(403);
        var resolved = postAs(SUPPORT, "/blocked-costs/usd-1/resolution", Map.of("note", "paid by wire outside"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("blockers")).isEmpty();
        await().atMost(WAIT).until(() -> events("FundingSufficient").size() == 2);
    }

    /** Issue 11: payouts decides EUR after a USD cost opened the account: a named blocker (not parked), resolved by support. */
    @Test
    void a_locale_decided_after_a_cost_opened_the_account_in_another_currency_blocks_until_support_resolves_it() {
        LocalDate clearingDate = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(20)), ZoneOffset.UTC);
        send("ActionApproved", Map.of("accountId", account, "actionId", "usd-first", "costMinor", 900, "currency", "USD",
                "lockDate", clearingDate.minusDays(5).toString(), "clearingDate", clearingDate.toString(),
                "clearingAt", clearingDate.atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        await().atMost(WAIT).until(() -> "USD".equals(get("").path("currency").asString(null)));
        send("AccountLocaleDecided", Map.of("accountId", account, "currency", "EUR", "zone", "Europe/Paris",
                "decidedAt", clock.instant().toString()));
        await().atMost(WAIT).until(() -> events("FundingInsufficient").stream().anyMatch(r ->
                payload(r).get("blockers").valueStream().anyMatch(b -> "LOCALE_CONFLICT".equals(b.get("kind").asString()))));
        JsonNode blocker = get("").get("blockers").get(0);
        assertThat(blocker.get("kind").asString()).isEqualTo("LOCALE_CONFLICT");
        assertThat(blocker.get("id").asString()).isEqualTo("EUR");
        assertThat(blocker.get("reason").asString()).contains("EUR / Europe/Paris").contains("USD");
        assertThat(get("").get("sufficient").asBoolean()).isFalse();
        // The record was taken, not parked: the consumer goes on with the account's next records.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_records WHERE account_id = ?", Long.class, account))
                .isZero();

        assertThat(post("/locale-conflict/resolution", Map.of("note", "converted")).status()).isEqualTo(403);
        var resolved = postAs(SUPPORT, "/locale-conflict/resolution", Map.of("note", "USD costs converted by hand"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("blockers").valueStream().map(b -> b.get("kind").asString()))
                .doesNotContain("LOCALE_CONFLICT");
    }

    @Test
    void a_past_due_amount_after_deactivation_is_named_as_what_the_refund_waits_on() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        Instant clearingAt = clock.instant().plus(Duration.ofDays(1));
        approved("p-1", 4_000, clearingAt);
        locked("p-1", 4_000, clearingAt);
        await().atMost(WAIT).until(() -> get("").get("pendingPartnerCostsMinor").asLong() == 4_000);
        clock.advanceTo(clearingAt.plusSeconds(1));
        await().atMost(WAIT).until(() -> events("PaymentOverdue").size() == 1);
        send(Topics.CLOSURE, "AccountDeactivated", Map.of("accountId", account,
                "closureDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(),
                "deactivatedAt", clock.instant().toString()));
        await().atMost(WAIT).until(() -> !get("").get("closureDate").isNull());
        var overview = get("");
        assertThat(overview.get("blockers").get(0).get("kind").asString()).isEqualTo("PAST_DUE_AFTER_DEACTIVATION");
        assertThat(overview.get("refundWaitsOn").get(0).get("rule").asString()).isEqualTo("NOTHING_PAST_DUE");
        await().atMost(WAIT).until(() -> events("FundingInsufficient").stream().anyMatch(e ->
                payload(e).get("blockers").toString().contains("PAST_DUE_AFTER_DEACTIVATION")));
        var refused = postAs(SUPPORT, "/refund-authorizations", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("NOTHING_PAST_DUE");
    }

    /**
     * The platform parks the account of a record that fails on its content, so the brand's later
     * costs wait for an operator instead of being applied out of order; once the operator discards
     * the dead letter, the waiting record is processed.
     */
    @Test
    void a_malformed_payouts_event_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        String garbage = "{\"eventId\": \"broken-" + account + "\"";
        probe.send(Topics.PAYOUTS, account, garbage);
        approved("m-1", 300, clock.instant().plus(Duration.ofDays(10)));
        await().atMost(WAIT).until(() -> probe.records(r -> r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)
                && garbage.equals(r.value())).size() == 1);
        String consumer = inbound.consumerName("payouts-events");
        await().atMost(WAIT).until(() -> inbound.parked().stream().anyMatch(p -> p.consumer().equals(consumer)
                && p.accountId().equals(account) && p.waitingRecords() == 1));
        assertThat(get("").get("pendingPartnerCostsMinor").asLong()).isZero();

        inbound.release(consumer, account, false);
        await().atMost(WAIT).until(() -> get("").get("pendingPartnerCostsMinor").asLong() == 300);
    }

    @Test
    void a_payouts_cost_in_an_unknown_currency_is_dead_lettered_as_malformed() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        LocalDate clearingDate = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(10)), ZoneOffset.UTC);
        send("ActionApproved", Map.of("accountId", account, "actionId", "q-1", "costMinor", 300, "currency", "QQQ",
                "lockDate", clearingDate.minusDays(5).toString(), "clearingDate", clearingDate.toString()));
        await().atMost(WAIT).until(() -> probe.records(r -> r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)
                && account.equals(r.key())).size() == 1);
        var dead = probe.records(r -> r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX) && account.equals(r.key())).getFirst();
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).contains("QQQ");
        assertThat(get("").get("pendingPartnerCostsMinor").asLong()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    void approved(String actionId, long cost, Instant clearingAt) {
        LocalDate clearingDate = LocalDate.ofInstant(clearingAt, ZoneOffset.UTC);
        send("ActionApproved", Map.of("accountId", account, "actionId", actionId, "costMinor", cost, "currency", "EUR",
                "lockDate", clearingDate.minusDays(5).toString(), "clearingDate", clearingDate.toString(),
                "clearingAt", clearingAt.toString()));
    }

    void locked(String actionId, long cost, Instant clearingAt) {
        send("ActionLocked", Map.of("accountId", account, "actionId", actionId, "costMinor", cost, "currency", "EUR",
                "clearingDate", LocalDate.ofInstant(clearingAt, ZoneOffset.UTC).toString(),
                "clearingAt", clearingAt.toString()));
    }

    void send(String type, Map<String, Object> payload) {
        send(Topics.PAYOUTS, type, payload);
    }

    void send(String topic, String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("accountId", account);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("actor", "integration-test");
        envelope.put("payload", payload);
        probe.send(topic, account, json.writeValueAsString(envelope));
    }

    @Test
    void a_closed_account_is_shredded_after_the_retention_reasons_become_markers_and_the_balance_stays() {
        assertThat(put("", Map.of("currency", "EUR")).status()).isEqualTo(200);
        assertThat(post("/deposits", Map.of("depositId", "ach-s", "method", "ACH", "amountMinor", 3_000,
                "currency", "EUR")).status()).isEqualTo(201);
        assertThat(postAs(SERVICE, "/deposits/ach-s/fail", Map.of("reason", "reason-secret R01")).status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> events("DepositFailed").size() == 1);
        assertThat(payload(events("DepositFailed").getFirst()).get("reason").asString()).startsWith("enc:v1:");
        assertThat(jdbc.queryForList(Shreddings.RAW_ROWS, String.class, account, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("reason-secret"));

        probe.send(Topics.CLOSURE, account, Shreddings.accountClosed(account, clock.instant().minus(Duration.ofDays(91))));
        // This test's clock stands still: the shredding timer is due at once and must fire without the clock
        // moving (it once waited minutes for the next test to move it: platform TimersIT
        // a_timer_set_due_now_fires_after_its_transaction_commits_even_on_a_clock_standing_still).
        await().atMost(WAIT).until(() ->
                jdbc.queryForObject(Shreddings.SHREDDED, Integer.class, account) == 1);

        // funding keeps no read model of its own: its events are its view, and they load with markers.
        assertThat(jdbc.queryForObject(Shreddings.EVIDENCE, Integer.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT envelope FROM outbox WHERE message_key = ?", String.class, account))
                .isEmpty();
        var audit = http.get().uri("/api/v1/accounts/" + account + "/audit")
                .header("Authorization", TestTokens.support("sue")).retrieve().body(String.class);
        assertThat(audit).contains("DepositFailed").contains("3000").contains("<shredded>")
                .contains("AccountDataShredded").doesNotContain("reason-secret");
        assertThat(post("/deposits", Map.of("method", "CARD", "amountMinor", 1, "currency", "EUR")).status())
                .isEqualTo(410);
    }

    record Response(int status, JsonNode body) {
    }

    Response post(String path, Object body) {
        return postAs(admin, path, body);
    }

    Response postAs(String authorization, String path, Object body) {
        var spec = http.post().uri("/api/v1/accounts/" + account + "/funding" + path)
                .header("Authorization", authorization);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res.getBody())));
    }

    Response put(String path, Object body) {
        return http.put().uri("/api/v1/accounts/" + account + "/funding" + path).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body))
                .exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res.getBody())));
    }

    JsonNode get(String path) {
        return http.get().uri("/api/v1/accounts/" + account + "/funding" + path).header("Authorization", admin)
                .exchange((req, res) -> readBody(res.getBody()));
    }

    JsonNode readBody(java.io.InputStream in) throws java.io.IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }

    List<ConsumerRecord<String, String>> events(String type) {
        return probe.events(type, account);
    }

    JsonNode payload(ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("payload");
    }
}
