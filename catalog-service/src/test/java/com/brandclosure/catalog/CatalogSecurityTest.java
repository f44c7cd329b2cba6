package com.brandclosure.catalog;

import com.brandclosure.platform.security.Role;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.brandclosure.testkit.RoleMatrix.writes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security of catalog-service, generated from the actual request mappings ({@link EndpointMatrix}):
 * every endpoint declares who may call it; the role matrix (401 without a token, 403 for each
 * role not allowed, neither for each allowed one); a brand admin of another account gets 404 on
 * every account-scoped endpoint and changes nothing; actuator exposure; the audit trail.
 * Same context configuration as {@link CatalogIntegrationTest}, so no second context starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "catalog_it")
class CatalogSecurityTest {

    /** The only endpoints anybody may call without credentials. */
    static final List<String> PUBLIC = List.of();

    /**
     * A valid body per writing endpoint, for the cross-tenant attempts: each attempt must be a
     * request the owner would have had accepted, so its 404 can only come from the tenant check.
     */
    static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/v1/accounts/{accountId}/catalogs", "{\"name\":\"Intruder's catalog\"}");

    static final List<String> ROLES = Arrays.stream(Role.values()).map(Enum::name).toList();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void every_endpoint_declares_who_may_call_it_and_only_the_listed_ones_are_public() {
        List<Endpoint> endpoints = EndpointMatrix.endpoints(context);
        assertThat(endpoints).extracting(e -> e.method() + " " + e.path())
                .contains("POST /api/v1/accounts/{accountId}/catalogs", "GET /api/v1/accounts/{accountId}/catalogs",
                        "GET /api/v1/accounts/{accountId}/catalogs/{catalogId}",
                        "DELETE /api/v1/accounts/{accountId}/catalogs/{catalogId}",
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
        String intruder = TestTokens.brandAdmin("ivan", "intruder-" + UUID.randomUUID().toString().substring(0, 8));
        List<Endpoint> scoped = EndpointMatrix.endpoints(context).stream()
                .filter(e -> e.accountScoped() && e.roles().contains(Role.BRAND_ADMIN.name())).toList();
        assertThat(scoped).hasSizeGreaterThanOrEqualTo(4);
        for (Endpoint e : scoped) {
            String victim = newAccount();
            String owner = TestTokens.brandAdmin("vera", victim);
            String catalogId = createCatalog(victim, owner, "Victim's catalog");
            String path = e.path().replace("{accountId}", victim).replace("{catalogId}", catalogId);
            assertThat(path).as("every path variable of %s is filled with a real resource", e.path()).doesNotContain("{");
            String body = writes(e) ? VALID_BODIES.get(e.method() + " " + e.path()) : null;
            assertThat(!writes(e) || body != null).as("a valid body for %s %s is listed in VALID_BODIES", e.method(),
                    e.path()).isTrue();

            long eventsBefore = eventsOf(victim);
            String catalogsBefore = call("GET", "/api/v1/accounts/" + victim + "/catalogs?includeDeleted=true", owner,
                    null).body();
            var refused = call(e.method(), path, intruder, body);
            assertThat(refused.status()).as("%s %s by another brand's admin: %s", e.method(), path,
                    refused.body()).isEqualTo(404);
            // Nothing of the victim's data comes back (the path the intruder sent is echoed as "instance").
            assertThat(refused.body()).doesNotContain("Victim's catalog").doesNotContain("\"name\"");
            assertThat(eventsOf(victim)).as("events of the victim after %s %s", e.method(), path)
                    .isEqualTo(eventsBefore);
            assertThat(call("GET", "/api/v1/accounts/" + victim + "/catalogs?includeDeleted=true", owner, null)
                    .body()).isEqualTo(catalogsBefore);

            // Control: the same request by the account's own admin is accepted, so the 404 above was the tenant check.
            var accepted = call(e.method(), path, owner, body);
            assertThat(accepted.status() / 100 == 2).as("%s %s by the owner: %s", e.method(), path,
                    accepted.body()).isTrue();
        }
    }

    @Test
    void actuator_exposes_health_publicly_the_ops_endpoints_to_ops_only_and_never_the_dangerous_ones() {
        RoleMatrix.at(port, ROLES).assertActuatorExposure();
        String readiness = call("GET", "/actuator/health/readiness", TestTokens.ops("olga"), null).body();
        assertThat(readiness).contains("\"db\"", "\"kafka\"", "\"outbox\"", "\"timers\"");
    }

    @Test
    void support_and_ops_read_the_accounts_audit_trail_with_each_commands_actor_and_brand_admins_cannot() {
        String account = newAccount();
        String ann = TestTokens.brandAdmin("ann-" + account, account);
        String catalogId = createCatalog(account, ann, "Shoes");
        assertThat(call("DELETE", "/api/v1/accounts/" + account + "/catalogs/" + catalogId, TestTokens.support("sam"),
                null).status()).isEqualTo(200);

        for (String reader : List.of(TestTokens.support("sue"), TestTokens.ops("olga"))) {
            var response = call("GET", "/api/v1/accounts/" + account + "/audit", reader, null);
            assertThat(response.status()).isEqualTo(200);
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : json.readTree(response.body())) {
                entries.add(entry.get("type").asString() + " by " + entry.get("actor").asString());
            }
            // The catalog's own events and the account summary's (whose events carry no account id field).
            assertThat(entries).containsExactly(
                    "CatalogCreated by ann-" + account,
                    "CatalogsPreconditionRetracted by ann-" + account,
                    "CatalogDeleted by sam",
                    "CatalogsPreconditionMet by sam");
        }
        assertThat(call("GET", "/api/v1/accounts/" + account + "/audit", ann, null).status())
                .isEqualTo(403);
    }

    @Test
    void malformed_path_variables_and_bodies_answer_400_with_field_errors() {
        String support = TestTokens.support("sam");
        String tooLong = "a".repeat(65);
        var badAccount = call("POST", "/api/v1/accounts/" + tooLong + "/catalogs", support, "{\"name\":\"x\"}");
        assertThat(badAccount.status()).isEqualTo(400);
        assertThat(json.readTree(badAccount.body()).get("fieldErrors").has("accountId")).as(badAccount.body())
                .isTrue();
        var badCatalog = call("GET", "/api/v1/accounts/" + newAccount() + "/catalogs/no_such_id!", support, null);
        assertThat(badCatalog.status()).isEqualTo(400);
        assertThat(json.readTree(badCatalog.body()).get("fieldErrors").has("catalogId")).as(badCatalog.body())
                .isTrue();
        var blankName = call("POST", "/api/v1/accounts/" + newAccount() + "/catalogs", support, "{\"name\":\" \"}");
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(json.readTree(blankName.body()).get("fieldErrors").has("name")).as(blankName.body()).isTrue();
    }

    // ---- helpers ----

    private static String newAccount() {
        return "sec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String createCatalog(String account, String authorization, String name) {
        var response = call("POST", "/api/v1/accounts/" + account + "/catalogs", authorization,
                "{\"name\":\"" + name + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("catalogId").asString();
    }

    private long eventsOf(String account) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM events WHERE account_id = ?", Long.class, account);
        return n == null ? 0 : n;
    }

    private RoleMatrix.Response call(String method, String path, String authorization, String body) {
        return RoleMatrix.at(port, ROLES).call(method, path, authorization, body);
    }
}
