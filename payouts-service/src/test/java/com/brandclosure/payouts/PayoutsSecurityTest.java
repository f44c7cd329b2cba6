package com.brandclosure.payouts;

import com.brandclosure.testkit.MutableClock;
import com.brandclosure.events.Topics;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import com.brandclosure.testkit.RoleMatrix.Response;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what, generated from the actual request mappings ({@link EndpointMatrix}): every
 * endpoint declares a rule and the rules are the agreed ones; 401 without a token, 403 for each
 * role not allowed, neither for each allowed role; a brand admin of another account gets 404
 * and changes nothing; actuator exposure; the audit trail. Same context as
 * {@link PayoutsIntegrationTest} (same annotations), so no second application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "payouts_it")
@Import(PayoutsIntegrationTest.TestClock.class)
class PayoutsSecurityTest {

    static final List<String> ROLES = List.of("BRAND_ADMIN", "SUPPORT", "OPS", "SERVICE");
    static final Set<String> READERS = Set.of("BRAND_ADMIN", "SUPPORT", "OPS", "SERVICE");
    static final Set<String> REVIEWERS = Set.of("BRAND_ADMIN", "SUPPORT", "SERVICE");
    static final String BASE = "/api/v1/accounts/{accountId}";

    /** The agreed rules (issue 7). A new endpoint, or a changed rule, must be added here. */
    static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("GET " + BASE + "/actions", READERS),
            Map.entry("POST " + BASE + "/actions", Set.of("SERVICE")),
            Map.entry("GET " + BASE + "/actions/{actionId}", READERS),
            Map.entry("POST " + BASE + "/actions/{actionId}/approve", REVIEWERS),
            Map.entry("POST " + BASE + "/actions/{actionId}/reverse", REVIEWERS),
            Map.entry("POST " + BASE + "/actions/{actionId}/modify", REVIEWERS),
            Map.entry("POST " + BASE + "/actions/{actionId}/restore", REVIEWERS),
            Map.entry("POST " + BASE + "/actions/batch", REVIEWERS),
            Map.entry("GET " + BASE + "/locking-settings", READERS),
            Map.entry("PUT " + BASE + "/locking-settings", REVIEWERS),
            Map.entry("GET " + BASE + "/audit", Set.of("SUPPORT", "OPS")));

    /**
     * A valid request for each endpoint a brand admin may call, so the cross-tenant check is
     * reached (an invalid body would be refused with 400 first). {@code null}: no body.
     */
    static final Map<String, Object> VALID_BODIES = new HashMap<>();

    static {
        VALID_BODIES.put("GET " + BASE + "/actions", null);
        VALID_BODIES.put("GET " + BASE + "/actions/{actionId}", null);
        VALID_BODIES.put("POST " + BASE + "/actions/{actionId}/approve", null);
        VALID_BODIES.put("POST " + BASE + "/actions/{actionId}/restore", null);
        VALID_BODIES.put("POST " + BASE + "/actions/{actionId}/reverse", Map.of("reason", "intruder"));
        VALID_BODIES.put("POST " + BASE + "/actions/{actionId}/modify",
                Map.of("costMinor", 1, "currency", "EUR", "reason", "intruder"));
        VALID_BODIES.put("POST " + BASE + "/actions/batch",
                Map.of("operation", "REVERSE", "actionIds", List.of("x1"), "reason", "intruder"));
        VALID_BODIES.put("GET " + BASE + "/locking-settings", null);
        VALID_BODIES.put("PUT " + BASE + "/locking-settings", Map.of("lockMonths", 2, "lockDays", 0,
                "referencePeriod", "MONTH", "paymentSchedulingDays", 10, "zone", "UTC", "currency", "EUR"));
    }

    static KafkaProbe probe;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    RoleMatrix matrix;

    @BeforeAll
    static void probe() {
        probe = new KafkaProbe(Topics.PAYOUTS);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @BeforeEach
    void setUp() {
        matrix = RoleMatrix.at(port, ROLES);
    }

    static String newAccount() {
        return "sec-" + UUID.randomUUID().toString().substring(0, 12);
    }

    Response call(String method, String path, String authorization, Object body) {
        return matrix.call(method, path, authorization,
                body == null || body instanceof String ? (String) body : json.writeValueAsString(body));
    }

    static String key(Endpoint e) {
        return RoleMatrix.key(e);
    }

    List<Endpoint> endpoints() {
        return EndpointMatrix.endpoints(context);
    }

    // ------------------------------------------------------------------ (a) rules

    @Test
    void every_endpoint_declares_a_rule_and_the_rules_are_the_agreed_ones() {
        var endpoints = endpoints();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThanOrEqualTo(RULES.size());
        RoleMatrix.assertEveryEndpointDeclaresARule(endpoints);
        RoleMatrix.assertPublicEndpointsAre(endpoints, List.of());
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        endpoints.forEach(e -> actual.put(key(e), Set.copyOf(e.roles())));
        assertThat(actual).isEqualTo(RULES);
    }

    // ------------------------------------------------------------------ (b) role matrix

    @TestFactory
    Stream<DynamicTest> role_matrix_no_token_401_roles_not_allowed_403_allowed_roles_pass_security() {
        String account = newAccount();
        return endpoints().stream().filter(e -> !e.isPublic()).map(e -> DynamicTest.dynamicTest(key(e), () ->
                matrix.assertAccess(e, account, e.method().equals("POST") || e.method().equals("PUT") ? "{}" : null)));
    }

    // ------------------------------------------------------------------ (c) tenant isolation

    @Test
    void a_brand_admin_of_another_account_gets_404_on_every_account_scoped_endpoint_and_nothing_changes() {
        String victim = newAccount();
        String owner = TestTokens.brandAdmin("victim-admin", victim);
        String intruder = TestTokens.brandAdmin("intruder", newAccount());
        String support = TestTokens.support("sam");
        prepareAccountWithPendingAction(victim, "x1");

        var scoped = endpoints().stream().filter(Endpoint::accountScoped)
                .filter(e -> e.roles().contains("BRAND_ADMIN")).toList();
        assertThat(scoped).as("account-scoped endpoints open to brand admins").hasSize(9);
        String before = stateOf(victim, support);

        for (Endpoint e : scoped) {
            assertThat(VALID_BODIES).as("a valid request for %s", key(e)).containsKey(key(e));
            Response r = call(e.method(), e.concretePath(victim), intruder, VALID_BODIES.get(key(e)));
            assertThat(r.status()).as("%s by a brand admin of another account: %s", key(e), r.body()).isEqualTo(404);
        }
        assertThat(stateOf(victim, support)).as("the victim's actions, settings and trail").isEqualTo(before);

        // The same requests from the account's own brand admin pass: the 404s were the tenant check.
        for (Endpoint e : scoped) {
            Response r = call(e.method(), e.concretePath(victim), owner, VALID_BODIES.get(key(e)));
            assertThat(r.status()).as("%s by the account's brand admin: %s", key(e), r.body()).isNotIn(401, 403, 404);
        }
        assertThat(stateOf(victim, support)).as("the owner's requests do change the account").isNotEqualTo(before);
    }

    /** Everything an intruder could have changed: the actions, the settings and the audit trail. */
    String stateOf(String account, String authorization) {
        String base = "/api/v1/accounts/" + account;
        var actions = call("GET", base + "/actions", authorization, null);
        var settings = call("GET", base + "/locking-settings", authorization, null);
        var audit = call("GET", base + "/audit", authorization, null);
        assertThat(List.of(actions.status(), settings.status(), audit.status())).containsOnly(200);
        return actions.body() + "\n" + settings.body() + "\n" + audit.body();
    }

    void prepareAccountWithPendingAction(String account, String actionId) {
        // Other settings than the intruder's request sets, so a change would show.
        assertThat(call("PUT", "/api/v1/accounts/" + account + "/locking-settings", TestTokens.support("sam"),
                Map.of("lockMonths", 1, "lockDays", 0, "referencePeriod", "MONTH", "paymentSchedulingDays", 5,
                        "zone", "UTC", "currency", "EUR")).status()).isEqualTo(200);
        Instant now = clock.instant();
        Map<String, Object> payload = Map.of("accountId", account, "contractId", "c-p-1", "partnerId", "p-1",
                "activatedAt", now.minus(Duration.ofDays(30)).toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", "ContractActivated");
        envelope.put("schemaVersion", 1);
        envelope.put("accountId", account);
        envelope.put("occurredAt", now.toString());
        envelope.put("actor", "security-test");
        envelope.put("payload", payload);
        probe.send(Topics.CONTRACTS, account, json.writeValueAsString(envelope));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM contract_periods WHERE account_id = ?", Long.class, account) == 1);
        var tracked = call("POST", "/api/v1/accounts/" + account + "/actions", TestTokens.service("tracker"),
                Map.of("actionId", actionId, "partnerId", "p-1", "eventAt", now.toString(), "costMinor", 1_000,
                        "currency", "EUR"));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(201);
        assertThat(tracked.body()).contains("\"state\":\"PENDING\"");
    }

    // ------------------------------------------------------------------ (d) actuator

    @Test
    void actuator_health_is_public_operational_endpoints_need_ops_and_dangerous_ones_are_not_exposed() {
        matrix.assertActuatorExposure();
    }

    // ------------------------------------------------------------------ (e) audit

    @Test
    void support_and_ops_read_the_audit_trail_with_the_commands_actor_and_brand_admins_cannot() {
        String account = newAccount();
        prepareAccountWithPendingAction(account, "au-1");
        var approved = call("POST", "/api/v1/accounts/" + account + "/actions/au-1/approve",
                TestTokens.brandAdmin("ann-the-approver", account), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        String path = "/api/v1/accounts/" + account + "/audit";
        for (String reader : List.of(TestTokens.support("sam"), TestTokens.ops("olga"))) {
            var trail = call("GET", path, reader, null);
            assertThat(trail.status()).isEqualTo(200);
            var entries = json.readTree(trail.body());
            assertThat(entries.size()).as(trail.body()).isGreaterThanOrEqualTo(2);
            List<String> seen = new java.util.ArrayList<>();
            entries.forEach(e -> seen.add(e.get("type").asString() + " by " + e.get("actor").asString()));
            assertThat(seen).as(trail.body()).contains("ActionTracked by tracker", "ActionApproved by ann-the-approver");
        }
        assertThat(call("GET", path, TestTokens.brandAdmin("ann-the-approver", account), null).status())
                .isEqualTo(403);
    }
}
