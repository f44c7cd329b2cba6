package com.brandclosure.contracts;

import com.brandclosure.platform.security.Role;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.brandclosure.testkit.RoleMatrix.writes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security of contracts-service, generated from the actual request mappings ({@link EndpointMatrix}):
 * every endpoint declares who may call it; the role matrix (401 without a token, 403 for each
 * role not allowed, neither for each allowed one); a brand admin of another account gets 404 on
 * every account-scoped endpoint and changes nothing; actuator exposure; the audit trail.
 * Same context configuration as {@link ContractsIntegrationTest}, so no second context starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.timers.polling-interval=200ms")
@RealInfrastructure(database = "contracts_it")
@Import(TestClock.Config.class)
class ContractsSecurityTest {

    /** The only endpoints anybody may call without credentials. */
    static final List<String> PUBLIC = List.of("GET /t/{linkId}");

    static final List<String> ROLES = Arrays.stream(Role.values()).map(Enum::name).toList();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;

    Http anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new Http(port);
    }

    /**
     * A valid body per writing endpoint ("" = none), for the cross-tenant attempts: each attempt
     * must be a request the owner would have had accepted, so its 404 can only be the tenant check.
     */
    Map<String, String> validBodies() {
        LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        String base = "/api/v1/accounts/{accountId}";
        return Map.of(
                "PUT " + base + "/settings", "{\"timeZone\":\"Europe/Paris\"}",
                "POST " + base + "/contracts", "{\"partnerId\":\"intruder\",\"landingUrl\":\"https://evil.example/\"}",
                "POST " + base + "/contracts/{contractId}/proposals", "{\"terms\":\"0% commission\"}",
                "POST " + base + "/contracts/{contractId}/switches",
                "{\"terms\":\"0% commission\",\"effectiveOn\":\"" + later + "\"}",
                "POST " + base + "/contracts/{contractId}/switches/{switchId}/withdrawal", "",
                "POST " + base + "/contract-expiries", "{\"expireOn\":\"" + later + "\",\"acknowledgeIrreversible\":true}",
                "POST " + base + "/contracts/{contractId}/links", "{\"landingUrl\":\"https://evil.example/\"}");
    }

    @Test
    void every_endpoint_declares_who_may_call_it_and_only_the_listed_ones_are_public() {
        List<Endpoint> endpoints = EndpointMatrix.endpoints(context);
        assertThat(endpoints).extracting(e -> e.method() + " " + e.path()).containsAll(validBodies().keySet())
                .contains("GET /api/v1/accounts/{accountId}/settings", "GET /api/v1/accounts/{accountId}/contracts",
                        "GET /api/v1/accounts/{accountId}/contracts/{contractId}", "GET /t/{linkId}",
                        "GET /api/v1/accounts/{accountId}/audit");
        RoleMatrix.assertEveryEndpointDeclaresARule(endpoints);
        RoleMatrix.assertPublicEndpointsAre(endpoints, PUBLIC);
    }

    @Test
    void each_endpoint_refuses_anonymous_callers_and_roles_it_does_not_allow_and_admits_those_it_does() {
        String account = newAccount();
        RoleMatrix.at(port, ROLES).allowedAnswersBelow500()
                .assertAccess(EndpointMatrix.endpoints(context), e -> account, e -> writes(e) ? "{}" : null);
    }

    @Test
    void a_brand_admin_of_another_account_gets_404_on_every_account_scoped_endpoint_and_nothing_changes() {
        Http intruder = anonymous.as(TestTokens.brandAdmin("ivan", "intruder-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        Map<String, String> bodies = validBodies();
        List<Endpoint> scoped = EndpointMatrix.endpoints(context).stream()
                .filter(e -> e.accountScoped() && e.roles().contains(Role.BRAND_ADMIN.name())).toList();
        assertThat(scoped).hasSizeGreaterThanOrEqualTo(10);
        for (Endpoint e : scoped) {
            String victim = newAccount();
            Http owner = anonymous.as(TestTokens.brandAdmin("vera", victim));
            Victim v = victim(owner, victim);
            String path = e.path().replace("{accountId}", victim).replace("{contractId}", v.contractId())
                    .replace("{switchId}", v.switchId());
            assertThat(path).as("every path variable of %s is filled with a real resource", e.path()).doesNotContain("{");
            String body = null;
            if (writes(e)) {
                body = bodies.get(e.method() + " " + e.path());
                assertThat(body).as("a valid body for %s %s is listed in validBodies()", e.method(), e.path()).isNotNull();
                body = body.isEmpty() ? null : body;
            }

            long eventsBefore = eventsOf(victim);
            String stateBefore = visibleState(owner, victim, v);
            var refused = intruder.send(e.method(), path, body);
            assertThat(refused.getStatusCode().value()).as("%s %s by another brand's admin: %s", e.method(), path,
                    refused.getBody()).isEqualTo(404);
            assertThat(refused.getBody()).doesNotContain("https://brand.example/victim").doesNotContain("Victim terms");
            assertThat(eventsOf(victim)).as("events of the victim after %s %s", e.method(), path).isEqualTo(eventsBefore);
            assertThat(visibleState(owner, victim, v)).isEqualTo(stateBefore);

            // Control: the same request by the account's own admin is accepted, so the 404 above was the tenant check.
            var accepted = owner.send(e.method(), path, body);
            assertThat(accepted.getStatusCode().is2xxSuccessful()).as("%s %s by the owner: %s", e.method(), path,
                    accepted.getBody()).isTrue();
        }
    }

    @Test
    void another_brand_cannot_replay_a_stored_idempotent_answer_of_an_account() {
        String victim = newAccount();
        Http owner = anonymous.as(TestTokens.brandAdmin("vera", victim));
        String key = UUID.randomUUID().toString();
        String request = "{\"partnerId\":\"p1\",\"landingUrl\":\"https://brand.example/victim\"}";
        var created = owner.post("/api/v1/accounts/" + victim + "/contracts", request, Map.of("Idempotency-Key", key));
        assertThat(created.getStatusCode().value()).isEqualTo(201);

        var replayed = anonymous.as(TestTokens.brandAdmin("ivan", "intruder")).post("/api/v1/accounts/" + victim
                + "/contracts", request, Map.of("Idempotency-Key", key));
        assertThat(replayed.getStatusCode().value()).isEqualTo(404);
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(replayed.getBody()).doesNotContain("brand.example/victim");
    }

    @Test
    void actuator_exposes_health_publicly_the_ops_endpoints_to_ops_only_and_never_the_dangerous_ones() {
        RoleMatrix.at(port, ROLES).assertActuatorExposure();
        Http ops = anonymous.as(TestTokens.ops("olga"));
        assertThat(ops.get("/actuator/health/readiness").getBody()).contains("\"db\"", "\"kafka\"", "\"outbox\"",
                "\"timers\"");
    }

    @Test
    void support_and_ops_read_the_accounts_audit_trail_with_each_commands_actor_and_brand_admins_cannot() {
        String account = newAccount();
        String annName = "ann-" + account;
        Http ann = anonymous.as(TestTokens.brandAdmin(annName, account));
        Victim v = victim(ann, account);
        String linkId = json.readTree(anonymous.as(TestTokens.service("svc"))
                .post("/api/v1/accounts/" + account + "/contracts/" + v.contractId() + "/links", null).getBody())
                .get("linkId").asString();
        assertThat(anonymous.get("/t/" + linkId).getStatusCode().value()).isEqualTo(302);
        var withdrawn = anonymous.as(TestTokens.support("sam")).post("/api/v1/accounts/" + account + "/contracts/"
                + v.contractId() + "/switches/" + v.switchId() + "/withdrawal", null);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);

        for (Http reader : List.of(anonymous.as(TestTokens.support("sue")), anonymous.as(TestTokens.ops("olga")))) {
            var response = reader.get("/api/v1/accounts/" + account + "/audit");
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : json.readTree(response.getBody())) {
                entries.add(entry.get("type").asString() + " by " + entry.get("actor").asString());
            }
            assertThat(entries).containsSubsequence(
                    "AccountConfigured by " + annName,
                    "ContractCreated by " + annName,
                    "SwitchProposed by " + annName,
                    "LinkCreated by svc",
                    "ClickRecorded by click",
                    "SwitchWithdrawn by sam");
            // Every event of the account's streams (account, contract, link) is in its trail.
            Long stored = jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id IN (?, ?, ?)", Long.class,
                    "contracts-account-" + account, "contract-" + v.contractId(), "link-" + linkId);
            assertThat(entries).hasSize(stored.intValue());
        }
        assertThat(ann.get("/api/v1/accounts/" + account + "/audit").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void malformed_path_variables_and_bodies_answer_400_with_field_errors() {
        Http support = anonymous.as(TestTokens.support("sam"));
        String tooLong = "a".repeat(65);
        var badAccount = support.post("/api/v1/accounts/" + tooLong + "/contracts",
                "{\"partnerId\":\"p1\",\"landingUrl\":\"https://brand.example/\"}");
        assertThat(badAccount.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badAccount.getBody()).get("fieldErrors").has("accountId")).as(badAccount.getBody())
                .isTrue();
        var badContract = support.get("/api/v1/accounts/" + newAccount() + "/contracts/" + tooLong);
        assertThat(badContract.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badContract.getBody()).get("fieldErrors").has("contractId")).as(badContract.getBody())
                .isTrue();
        var badUrl = support.post("/api/v1/accounts/" + newAccount() + "/contracts",
                "{\"partnerId\":\"p1\",\"landingUrl\":\"ftp://x\"}");
        assertThat(badUrl.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badUrl.getBody()).get("fieldErrors").has("landingUrl")).as(badUrl.getBody()).isTrue();
        var badPage = support.get("/api/v1/accounts/" + newAccount() + "/contracts?limit=501");
        assertThat(badPage.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badPage.getBody()).get("fieldErrors").has("limit")).as(badPage.getBody()).isTrue();
        assertThat(anonymous.get("/t/" + tooLong).getStatusCode().value()).isEqualTo(400);
    }

    // ---- helpers ----

    /** A victim account with settings, one contract and one pending switch proposal. */
    record Victim(String contractId, String switchId) {
    }

    private Victim victim(Http owner, String account) {
        String base = "/api/v1/accounts/" + account;
        assertThat(owner.put(base + "/settings", "{\"timeZone\":\"UTC\"}").getStatusCode().value()).isEqualTo(200);
        var created = owner.post(base + "/contracts",
                "{\"partnerId\":\"p1\",\"landingUrl\":\"https://brand.example/victim\"}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String contractId = json.readTree(created.getBody()).get("contractId").asString();
        var proposed = owner.post(base + "/contracts/" + contractId + "/proposals", "{\"terms\":\"Victim terms\"}");
        assertThat(proposed.getStatusCode().value()).as(proposed.getBody()).isEqualTo(201);
        return new Victim(contractId, json.readTree(proposed.getBody()).get("switchId").asString());
    }

    private String visibleState(Http owner, String account, Victim v) {
        String base = "/api/v1/accounts/" + account;
        return body(owner.get(base + "/settings")) + body(owner.get(base + "/contracts"))
                + body(owner.get(base + "/contracts/" + v.contractId()));
    }

    private static String body(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static String newAccount() {
        return "sec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long eventsOf(String account) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM events WHERE account_id = ?", Long.class, account);
        return n == null ? 0 : n;
    }
}
