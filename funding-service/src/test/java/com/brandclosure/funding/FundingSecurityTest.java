package com.brandclosure.funding;

import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import com.brandclosure.testkit.RoleMatrix.Response;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, generated from the actual request mappings ({@link EndpointMatrix}): every
 * endpoint declares a rule and the rules are the agreed ones; 401 without a token, 403 for each
 * role not allowed, neither for each allowed role; a brand admin of another account gets 404
 * and changes nothing; actuator exposure; the audit trail. Same context as
 * {@link FundingIntegrationTest} (same annotations), so no second application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "funding_it")
@Import(FundingIntegrationTest.TestClock.class)
class FundingSecurityTest {

    static final List<String> ROLES = List.of("BRAND_ADMIN", "SUPPORT", "OPS", "SERVICE");
    static final Set<String> READERS = Set.of("BRAND_ADMIN", "SUPPORT", "OPS", "SERVICE");
    static final Set<String> CHANGERS = Set.of("BRAND_ADMIN", "SUPPORT", "SERVICE");
    static final String BASE = "/api/v1/accounts/{accountId}";

    /** The agreed rules (issue 7). A new endpoint, or a changed rule, must be added here. */
    static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("GET " + BASE + "/funding", READERS),
            Map.entry("PUT " + BASE + "/funding", CHANGERS),
            Map.entry("POST " + BASE + "/funding/deposits", CHANGERS),
            Map.entry("POST " + BASE + "/funding/deposits/{depositId}/clear", Set.of("SERVICE")),
            Map.entry("POST " + BASE + "/funding/deposits/{depositId}/fail", Set.of("SERVICE")),
            Map.entry("POST " + BASE + "/funding/charges", Set.of("SERVICE")),
            Map.entry("POST " + BASE + "/funding/refund-authorizations", Set.of("BRAND_ADMIN", "SUPPORT")),
            Map.entry("POST " + BASE + "/funding/blocked-costs/{actionId}/resolution", Set.of("SUPPORT")),
            Map.entry("POST " + BASE + "/funding/locale-conflict/resolution", Set.of("SUPPORT")),
            Map.entry("GET " + BASE + "/audit", Set.of("SUPPORT", "OPS")));

    /**
     * A valid request for each endpoint a brand admin may call, so the cross-tenant check is
     * reached (an invalid body would be refused with 400 first). {@code null}: no body.
     */
    static final Map<String, Object> VALID_BODIES = new HashMap<>();

    static {
        VALID_BODIES.put("GET " + BASE + "/funding", null);
        VALID_BODIES.put("PUT " + BASE + "/funding", Map.of("currency", "EUR"));
        VALID_BODIES.put("POST " + BASE + "/funding/deposits",
                Map.of("method", "CARD", "amountMinor", 100, "currency", "EUR"));
        VALID_BODIES.put("POST " + BASE + "/funding/refund-authorizations", null);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;

    RoleMatrix matrix;

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
        prepareAccountWithPendingDeposit(victim, "x1");

        var scoped = endpoints().stream().filter(Endpoint::accountScoped)
                .filter(e -> e.roles().contains("BRAND_ADMIN")).toList();
        assertThat(scoped).as("account-scoped endpoints open to brand admins").hasSize(4);
        String before = stateOf(victim, support);

        for (Endpoint e : scoped) {
            assertThat(VALID_BODIES).as("a valid request for %s", key(e)).containsKey(key(e));
            Response r = call(e.method(), e.concretePath(victim), intruder, VALID_BODIES.get(key(e)));
            assertThat(r.status()).as("%s by a brand admin of another account: %s", key(e), r.body()).isEqualTo(404);
        }
        assertThat(stateOf(victim, support)).as("the victim's balance and trail").isEqualTo(before);

        // The same requests from the account's own brand admin pass: the 404s were the tenant check.
        for (Endpoint e : scoped) {
            Response r = call(e.method(), e.concretePath(victim), owner, VALID_BODIES.get(key(e)));
            assertThat(r.status()).as("%s by the account's brand admin: %s", key(e), r.body()).isNotIn(401, 403, 404);
        }
        assertThat(stateOf(victim, support)).as("the owner's requests do change the account").isNotEqualTo(before);
    }

    /** Everything an intruder could have changed: the balance overview and the audit trail. */
    String stateOf(String account, String authorization) {
        String base = "/api/v1/accounts/" + account;
        var overview = call("GET", base + "/funding", authorization, null);
        var audit = call("GET", base + "/audit", authorization, null);
        assertThat(List.of(overview.status(), audit.status())).containsOnly(200);
        return overview.body() + "\n" + audit.body();
    }

    void prepareAccountWithPendingDeposit(String account, String depositId) {
        String base = "/api/v1/accounts/" + account + "/funding";
        String owner = TestTokens.brandAdmin("ann-opener", account);
        var opened = call("PUT", base, owner, Map.of("currency", "EUR"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        var deposit = call("POST", base + "/deposits", owner,
                Map.of("depositId", depositId, "method", "ACH", "amountMinor", 2_000, "currency", "EUR"));
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        assertThat(deposit.body()).contains("\"pendingDepositsMinor\":2000");
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
        prepareAccountWithPendingDeposit(account, "au-1");
        var cleared = call("POST", "/api/v1/accounts/" + account + "/funding/deposits/au-1/clear",
                TestTokens.service("bank-callback"), null);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);

        String path = "/api/v1/accounts/" + account + "/audit";
        for (String reader : List.of(TestTokens.support("sam"), TestTokens.ops("olga"))) {
            var trail = call("GET", path, reader, null);
            assertThat(trail.status()).isEqualTo(200);
            var entries = json.readTree(trail.body());
            List<String> seen = new java.util.ArrayList<>();
            entries.forEach(e -> seen.add(e.get("type").asString() + " by " + e.get("actor").asString()));
            assertThat(seen).as(trail.body()).contains("AccountOpened by ann-opener", "DepositReceived by ann-opener",
                    "DepositCleared by bank-callback");
        }
        assertThat(call("GET", path, TestTokens.brandAdmin("ann-opener", account), null).status())
                .isEqualTo(403);
    }
}
