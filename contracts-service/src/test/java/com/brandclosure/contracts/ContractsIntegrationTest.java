package com.brandclosure.contracts;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.PageLinks;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP in, integration events out on {@code contracts.events}, against real Kafka and
 * PostgreSQL; AccountDeactivated in on {@code closure.events}. Each test uses its own account and
 * calls as that account's brand admin (a real JWT); tracking-link clicks are anonymous, as in a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.timers.polling-interval=200ms")
@RealInfrastructure(database = "contracts_it")
@Import(TestClock.Config.class)
class ContractsIntegrationTest {

    private static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    com.brandclosure.platform.crypto.PersonalData personal;

    Http http;
    Http anonymous;
    String account;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.CONTRACTS);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        account = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        http = new Http(port, TestTokens.brandAdmin("ann", account));
        anonymous = new Http(port);
    }

    /** Issue 11 point 3: the zone payouts-service decided is adopted; another one afterwards is a 409 naming both. */
    @Test
    void the_zone_decided_in_payouts_is_adopted_and_another_zone_afterwards_is_a_409_naming_both() {
        // Configured first (the journey's order), then decided: the decision is the account's zone.
        assertThat(http.put(base() + "/settings", "{\"timeZone\":\"UTC\"}").getStatusCode().value()).isEqualTo(200);
        kafka.send(Topics.PAYOUTS, account, Envelopes.accountLocaleDecided(account, "EUR", "Pacific/Auckland",
                clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "Pacific/Auckland".equals(body(http.get(base() + "/settings")).get("timeZone").asString()));
        var other = http.put(base() + "/settings", "{\"timeZone\":\"UTC\"}");
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(body(other).get("detail").asString())
                .isEqualTo("account " + account + "'s time zone is Pacific/Auckland, not UTC");
        assertThat(http.put(base() + "/settings", "{\"timeZone\":\"Pacific/Auckland\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(body(http.get(base() + "/settings")).get("timeZone").asString()).isEqualTo("Pacific/Auckland");
    }

    /** A zone is compared by its rules: "Etc/UTC" or "Z" after a decided "UTC" is no 409, and "UTC" is kept. */
    @Test
    void the_decided_zone_spelled_otherwise_is_no_409_and_keeps_the_id_first_decided() {
        assertThat(http.put(base() + "/settings", "{\"timeZone\":\"Europe/Paris\"}").getStatusCode().value())
                .isEqualTo(200);
        kafka.send(Topics.PAYOUTS, account, Envelopes.accountLocaleDecided(account, "EUR", "UTC", clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "UTC".equals(body(http.get(base() + "/settings")).get("timeZone").asString()));
        for (String spelling : new String[] {"Etc/UTC", "Z"}) {
            assertThat(http.put(base() + "/settings", "{\"timeZone\":\"" + spelling + "\"}").getStatusCode().value())
                    .as(spelling).isEqualTo(200);
        }
        assertThat(body(http.get(base() + "/settings")).get("timeZone").asString()).isEqualTo("UTC");
        var other = http.put(base() + "/settings", "{\"timeZone\":\"Europe/Paris\"}");
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(body(other).get("detail").asString())
                .isEqualTo("account " + account + "'s time zone is UTC, not Europe/Paris");
    }

    @Test
    void contracts_expire_on_schedule_and_the_summary_is_published_and_retracted() {
        assertThat(http.put(base() + "/settings", "{\"timeZone\":\"UTC\"}").getStatusCode().value()).isEqualTo(200);
        awaitEvents("ContractsExpired", 1); // an account without contracts meets the precondition

        String contractId = createContract("p1");
        awaitEvents("ContractActivated", 1);
        awaitEvents("ActiveContractsPresent", 1);
        String linkId = body(http.post(base() + "/contracts/" + contractId + "/links", null)).get("linkId").asString();
        ResponseEntity<String> click = anonymous.get("/t/" + linkId);
        assertThat(click.getStatusCode().value()).isEqualTo(302);
        assertThat(click.getHeaders().getLocation()).hasToString("https://brand.example/p1");

        // Two seconds before the end of the day: "expire today" schedules 23:59:59 and the timer fires.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        clock.set(today.atTime(23, 59, 57).toInstant(ZoneOffset.UTC));
        var expiry = http.post(base() + "/contract-expiries", """
                {"expireOn":"%s","withdrawSwitches":true,"comment":"Program ends","acknowledgeIrreversible":true}"""
                .formatted(today));
        assertThat(expiry.getStatusCode().value()).isEqualTo(200);
        assertThat(body(expiry).get("expiresAt").asString()).isEqualTo(today + "T23:59:59Z");
        awaitEvents("ContractExpired", 1);
        awaitEvents("ContractsExpired", 2);
        // The comment to the partner travels sealed with the account's key (platform.crypto) and opens to the text.
        String comment = payload(events("ContractExpired").get(0)).get("comment").asString();
        assertThat(comment).startsWith("enc:v1:").doesNotContain("Program ends");
        assertThat(personal.openText(comment)).isEqualTo("Program ends");
        assertThat(events("ContractExpiryScheduled")).hasSize(1);
        assertThat(anonymous.get("/t/" + linkId).getStatusCode().value()).isEqualTo(410);
        assertThat(anonymous.get("/t/" + linkId).getBody()).isEqualTo("link expired");
        assertThat(contract(contractId).get("status").asString()).isEqualTo("EXPIRED");

        // A new contract retracts the summary.
        createContract("p2");
        awaitEvents("ActiveContractsPresent", 2);
        assertThat(summaries()).containsExactly("ContractsExpired", "ActiveContractsPresent", "ContractsExpired",
                "ActiveContractsPresent");
        // Each summary carries its stored version in the account stream: rising, never repeated.
        assertThat(kafka.sourceVersions(account, "ContractsExpired", "ActiveContractsPresent"))
                .hasSize(4).isSorted().doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).isPositive());
        // Exactly one click was recorded: the one answered 302.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'ClickRecorded'",
                Long.class, "link-" + linkId)).isEqualTo(1L);
    }

    @Test
    void a_pending_switch_keeps_the_summary_back_until_it_is_withdrawn() {
        String contractId = createContract("p1");
        String switchId = body(http.post(base() + "/contracts/" + contractId + "/proposals",
                "{\"terms\":\"12% commission\"}")).get("switchId").asString();
        awaitEvents("ActiveContractsPresent", 1);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        clock.set(today.atTime(23, 59, 57).toInstant(ZoneOffset.UTC));
        assertThat(http.post(base() + "/contract-expiries", """
                {"expireOn":"%s","withdrawSwitches":false,"acknowledgeIrreversible":true}""".formatted(today))
                .getStatusCode().value()).isEqualTo(200);
        awaitEvents("ContractExpired", 1);
        assertThat(contract(contractId).get("pendingSwitches")).hasSize(1);
        assertThat(events("ContractsExpired")).isEmpty();
        // Not a race: a summary caused by the expiry would have been stored in the transaction that
        // stored ContractExpired, and that one is on Kafka already.
        assertThat(storedSummaries()).containsExactly("ContractsPreconditionRetracted");

        var withdrawn = http.post(base() + "/contracts/" + contractId + "/switches/" + switchId + "/withdrawal", null);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        awaitEvents("SwitchWithdrawn", 1);
        awaitEvents("ContractsExpired", 1);
        // The marker: the withdrawal's summary follows SwitchWithdrawn on the account's partition, so
        // every earlier record has arrived by now; a premature summary would stand before SwitchWithdrawn.
        assertThat(timeline("ActiveContractsPresent", "ContractsExpired", "ContractExpired", "SwitchWithdrawn"))
                .containsExactly("ActiveContractsPresent", "ContractExpired", "SwitchWithdrawn", "ContractsExpired");
        assertThat(summaries()).containsExactly("ActiveContractsPresent", "ContractsExpired");
    }

    @Test
    void a_future_expiry_keeps_the_contract_active_and_lists_it_as_expiring() {
        String contractId = createContract("p1");
        createContract("p2");
        LocalDate inFiveDays = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(5);
        var result = body(http.post(base() + "/contract-expiries", """
                {"partnerIds":["p1"],"expireOn":"%s","acknowledgeIrreversible":true}""".formatted(inFiveDays)));
        assertThat(result.get("scheduled").asInt()).isEqualTo(1);
        awaitEvents("ContractExpiryScheduled", 1);
        assertThat(contract(contractId).get("status").asString()).isEqualTo("EXPIRING");

        JsonNode expiring = body(http.get(base() + "/contracts?status=EXPIRING"));
        assertThat(expiring.get("total").asLong()).isEqualTo(1);
        assertThat(expiring.get("items").get(0).get("contractId").asString()).isEqualTo(contractId);
        var first = http.get(base() + "/contracts?limit=1");
        JsonNode firstPage = body(first);
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);
        assertThat(firstPage.get("items")).hasSize(1);
        // The next page through the Link header's cursor: the other contract, and no page after it.
        String next = PageLinks.next(first.getHeaders().getFirst("Link"));
        assertThat(next).as("a next page").isNotNull();
        var second = http.get(next);
        assertThat(body(second).get("items")).hasSize(1);
        assertThat(body(second).get("items").get(0).get("contractId").asString())
                .isNotEqualTo(firstPage.get("items").get(0).get("contractId").asString());
        assertThat(second.getHeaders().get("Link")).isNull();
        assertThat(events("ContractsExpired")).isEmpty();
    }

    @Test
    void bad_requests_are_refused_with_clear_answers_and_change_nothing() {
        String unknown = "/api/v1/accounts/nobody-" + UUID.randomUUID().toString().substring(0, 8);
        // As support (who may see every account), so the 404 is "unknown account", not the tenant check.
        Http support = http.as(TestTokens.support("sam"));
        assertThat(support.get(unknown + "/contracts").getStatusCode().value()).isEqualTo(404);
        assertThat(support.post(unknown + "/contract-expiries", """
                {"expireOn":"2099-01-01","acknowledgeIrreversible":true}""").getStatusCode().value()).isEqualTo(404);

        String contractId = createContract("p1");
        assertThat(http.get(base() + "/contracts/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
        assertThat(http.post(base() + "/contracts/" + UUID.randomUUID() + "/proposals", "{\"terms\":\"x\"}")
                .getStatusCode().value()).isEqualTo(404);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var noAck = http.post(base() + "/contract-expiries", "{\"expireOn\":\"%s\"}".formatted(today.plusDays(1)));
        assertThat(noAck.getStatusCode().value()).isEqualTo(422);
        assertThat(noAck.getBody()).contains("irreversible").contains("acknowledgeIrreversible");

        var past = http.post(base() + "/contract-expiries", """
                {"expireOn":"%s","acknowledgeIrreversible":true}""".formatted(today.minusDays(1)));
        assertThat(past.getStatusCode().value()).isEqualTo(400);
        assertThat(body(past).get("fieldErrors").get("expireOn").asString()).contains("must be today");

        var malformed = http.post(base() + "/contract-expiries", """
                {"expireOn":"31/12/2099","acknowledgeIrreversible":true}""");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);

        var unknownField = http.post(base() + "/contract-expiries", """
                {"expireOn":"%s","acknowledgeIrreversible":true,"expireNow":true}""".formatted(today.plusDays(1)));
        assertThat(unknownField.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownField.getBody()).contains("expireNow");

        String tooMany = String.join(",", java.util.Collections.nCopies(1001, "\"p\""));
        var oversized = http.post(base() + "/contract-expiries", """
                {"partnerIds":[%s],"expireOn":"%s","acknowledgeIrreversible":true}""".formatted(tooMany, today.plusDays(1)));
        assertThat(oversized.getStatusCode().value()).isEqualTo(400);
        assertThat(body(oversized).get("fieldErrors").has("partnerIds")).isTrue();

        var missingPartner = http.post(base() + "/contracts", "{\"landingUrl\":\"https://brand.example/\"}");
        assertThat(missingPartner.getStatusCode().value()).isEqualTo(400);
        assertThat(body(missingPartner).get("fieldErrors").has("partnerId")).isTrue();

        var badZone = http.put(base() + "/settings", "{\"timeZone\":\"Mars/Olympus\"}");
        assertThat(badZone.getStatusCode().value()).isEqualTo(400);
        assertThat(body(badZone).get("fieldErrors").has("timeZone")).isTrue();

        // Nothing changed: the contract is still simply active, and nothing about expiry was published.
        assertThat(contract(contractId).get("status").asString()).isEqualTo("ACTIVE");
        awaitEvents("ActiveContractsPresent", 1);
        assertThat(events("ContractExpiryScheduled")).isEmpty();
        assertThat(events("ContractExpired")).isEmpty();
    }

    @Test
    void a_repeated_request_with_the_same_idempotency_key_has_one_effect_and_the_same_answer() {
        String key = UUID.randomUUID().toString();
        String request = "{\"partnerId\":\"p1\",\"landingUrl\":\"https://brand.example/p1\"}";
        var first = http.post(base() + "/contracts", request, Map.of("Idempotency-Key", key));
        var second = http.post(base() + "/contracts", request, Map.of("Idempotency-Key", key));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(body(http.get(base() + "/contracts")).get("total").asLong()).isEqualTo(1);

        var reused = http.post(base() + "/contracts", "{\"partnerId\":\"p2\",\"landingUrl\":\"https://brand.example/\"}",
                Map.of("Idempotency-Key", key));
        assertThat(reused.getStatusCode().value()).isEqualTo(422);

        // Without a key, the same request is a second contract.
        http.post(base() + "/contracts", request);
        assertThat(body(http.get(base() + "/contracts")).get("total").asLong()).isEqualTo(2);
        awaitEvents("ContractActivated", 2);
        assertThat(events("ActiveContractsPresent")).hasSize(1);
    }

    @Test
    void account_deactivated_expires_everything_and_fences_new_work() {
        String first = createContract("p1");
        String second = createContract("p2");
        http.post(base() + "/contracts/" + first + "/proposals", "{\"terms\":\"x\"}");
        LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        http.post(base() + "/contracts/" + second + "/switches", "{\"terms\":\"y\",\"effectiveOn\":\"%s\"}".formatted(later));
        String linkId = body(http.post(base() + "/contracts/" + second + "/links", null)).get("linkId").asString();
        assertThat(anonymous.get("/t/" + linkId).getStatusCode().value()).isEqualTo(302);
        awaitEvents("ActiveContractsPresent", 1);

        String eventId = UUID.randomUUID().toString();
        String envelope = Envelopes.accountDeactivated(eventId, account, LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC), clock.instant());
        kafka.send(Topics.CLOSURE, account, envelope);
        awaitEvents("ContractsExpired", 1);
        assertThat(events("ContractExpired")).hasSize(2);
        assertThat(events("SwitchWithdrawn")).hasSize(2);

        var refusedContract = http.post(base() + "/contracts", "{\"partnerId\":\"p3\",\"landingUrl\":\"https://b.example/\"}");
        assertThat(refusedContract.getStatusCode().value()).isEqualTo(409);
        assertThat(refusedContract.getBody()).contains("deactivated");
        assertThat(http.post(base() + "/contracts/" + first + "/proposals", "{\"terms\":\"x\"}").getStatusCode().value())
                .isEqualTo(409);
        var gone = anonymous.get("/t/" + linkId);
        assertThat(gone.getStatusCode().value()).isEqualTo(410);
        assertThat(gone.getBody()).isEqualTo("link expired");

        // A redelivery has no second effect. To know it was consumed, a later event on the same
        // partition (same key) must be processed after it; then no second summary may have followed.
        kafka.send(Topics.CLOSURE, account, envelope);
        String laterEventId = UUID.randomUUID().toString();
        kafka.send(Topics.CLOSURE, account, Envelopes.accountDeactivated(laterEventId, account,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE event_id = ?", Long.class, laterEventId) == 1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_messages WHERE event_id = ?", Long.class, eventId))
                .isEqualTo(1L);
        assertThat(summaries()).containsExactly("ActiveContractsPresent", "ContractsExpired");
        assertThat(events("ContractExpired")).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'ClickRecorded'",
                Long.class, "link-" + linkId)).isEqualTo(1L);
    }

    @Test
    void final_review_approved_fences_the_account_and_confirms_it_once_with_account_fenced() {
        String contract = createContract("p1");
        awaitEvents("ActiveContractsPresent", 1);
        String ticket = "CLS-" + account + "-1";
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        kafka.send(Topics.CLOSURE, account, Envelopes.finalReviewApproved(Envelopes.newId(), account, ticket, today,
                clock.instant()));
        // The same approval again under another event id: the fence is up already, nothing more is confirmed.
        kafka.send(Topics.CLOSURE, account, Envelopes.finalReviewApproved(Envelopes.newId(), account, ticket, today,
                clock.instant()));

        awaitEvents("AccountFenced", 1);
        var fenced = json.readTree(kafka.events("AccountFenced", account).getFirst().value()).get("payload");
        assertThat(fenced.get("closureId").asString()).isEqualTo(ticket);
        assertThat(fenced.get("service").asString()).isEqualTo("contracts-service");
        var refused = http.post(base() + "/contracts", "{\"partnerId\":\"p3\",\"landingUrl\":\"https://b.example/\"}");
        assertThat(refused.getStatusCode().value()).as("fenced before the deactivation").isEqualTo(409);
        assertThat(http.post(base() + "/contracts/" + contract + "/links", null).getStatusCode().value()).isEqualTo(409);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> kafka.events("AccountFenced", account).size() == 1);
    }

    @Test
    void concurrent_clicks_on_one_link_are_each_recorded() throws Exception {
        String contractId = createContract("p1");
        String linkId = body(http.post(base() + "/contracts/" + contractId + "/links", null)).get("linkId").asString();
        int clicks = 16;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                answers.add(pool.submit(() -> anonymous.get("/t/" + linkId).getStatusCode().value()));
            }
            for (var answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(302);
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'ClickRecorded'",
                Long.class, "link-" + linkId)).isEqualTo((long) clicks);
    }

    @Test
    void an_account_deactivated_without_a_closure_date_is_dead_lettered_and_parks_the_account_unfenced() {
        createContract("p1");
        awaitEvents("ActiveContractsPresent", 1);

        kafka.send(Topics.CLOSURE, account, Envelopes.accountDeactivated(UUID.randomUUID().toString(), account, null,
                clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM parked_accounts WHERE consumer = ? AND account_id = ?", Long.class,
                "contracts-service:closure-events", account) == 1L);
        assertThat(jdbc.queryForObject("SELECT d.error FROM dead_letters d JOIN parked_accounts p "
                + "ON p.dead_letter_id = d.id WHERE p.account_id = ?", String.class, account)).contains("closureDate");
        // The failed attempt rolled back as a whole: no fence was stored, new work is still accepted.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ? AND event_type = 'AccountFenced'",
                Long.class, "contracts-account-" + account)).isZero();
        createContract("p2");
    }

    @Test
    void a_closed_account_is_shredded_after_the_retention_partner_data_redacted_and_history_kept() {
        String contractId = createContract("partner-secret");
        String linkId = body(http.post(base() + "/contracts/" + contractId + "/links", null)).get("linkId").asString();
        awaitEvents("ContractActivated", 1);
        assertThat(jdbc.queryForList(Shreddings.STORED_ROWS, String.class, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("partner-secret"));
        assertThat(jdbc.queryForList(Shreddings.RAW_ROWS, String.class, account, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("brand.example"));
        // Partner ids travel in clear on contracts.events (payouts matches conversions by partner): only there.
        assertThat(jdbc.queryForList("SELECT event_type FROM outbox WHERE message_key = ? AND envelope LIKE ?",
                String.class, account, "%partner-secret%")).containsOnly("ContractActivated");
        assertThat(contract(contractId).get("landingUrl").asString()).isEqualTo("https://brand.example/partner-secret");

        kafka.send(Topics.CLOSURE, account, Shreddings.accountClosed(account, clock.instant().minus(Duration.ofDays(91))));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject(Shreddings.SHREDDED, Integer.class, account) == 1);

        assertThat(jdbc.queryForObject(Shreddings.EVIDENCE, Integer.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT partner_id, landing_url, status FROM contract_view WHERE contract_id = ?",
                contractId)).containsEntry("partner_id", "<shredded>").containsEntry("landing_url", "<shredded>")
                .containsEntry("status", "ACTIVE");
        assertThat(jdbc.queryForObject("SELECT landing_url FROM tracking_link_view WHERE link_id = ?", String.class,
                linkId)).isEqualTo("<shredded>");
        // The history still loads: the stored contract's personal fields read as markers.
        var audit = new Http(port, TestTokens.support("sue")).get(base() + "/audit");
        assertThat(audit.getStatusCode().value()).isEqualTo(200);
        assertThat(audit.getBody()).contains("ContractCreated").contains("AccountDataShredded")
                .contains("<shredded>").doesNotContain("partner-secret");
        var late = http.post(base() + "/contracts", "{\"partnerId\":\"p9\",\"landingUrl\":\"https://brand.example/p9\"}");
        assertThat(late.getStatusCode().value()).isEqualTo(410);
        assertThat(late.getBody()).contains("shredded");
    }

    // ---- helpers ----

    private String base() {
        return "/api/v1/accounts/" + account;
    }

    private String createContract(String partner) {
        var response = http.post(base() + "/contracts",
                "{\"partnerId\":\"%s\",\"landingUrl\":\"https://brand.example/%s\"}".formatted(partner, partner));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return body(response).get("contractId").asString();
    }

    private JsonNode contract(String contractId) {
        var response = http.get(base() + "/contracts/" + contractId);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    private List<ConsumerRecord<String, String>> events(String type) {
        return kafka.events(type, account);
    }

    private JsonNode payload(ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("payload");
    }

    private List<String> summaries() {
        return kafka.records(r -> account.equals(r.key())).stream().map(r -> KafkaProbe.header(r, "event-type"))
                .filter(t -> t.equals("ContractsExpired") || t.equals("ActiveContractsPresent")).toList();
    }

    /** The account's records of the given types on {@code contracts.events}, in partition order. */
    private List<String> timeline(String... types) {
        List<String> wanted = List.of(types);
        return kafka.records(r -> account.equals(r.key())).stream().map(r -> KafkaProbe.header(r, "event-type"))
                .filter(wanted::contains).toList();
    }

    /** The summary decisions stored in the account's stream, in order. */
    private List<String> storedSummaries() {
        return jdbc.queryForList("SELECT event_type FROM events WHERE stream_id = ? AND event_type IN "
                + "('ContractsPreconditionMet', 'ContractsPreconditionRetracted') ORDER BY version", String.class,
                "contracts-account-" + account);
    }

    private void awaitEvents(String type, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(type)).hasSize(count));
    }
}
