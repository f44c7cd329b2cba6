package com.brandclosure.closure;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.security.Role;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint × role matrix of the orchestrator, generated from its actual request mappings (a
 * new endpoint without a rule fails here), cross-tenant attempts on every account-scoped endpoint
 * a brand admin may call, the four-eyes rule, actuator exposure and the audit trail. Same context
 * configuration as {@link ClosureOrchestratorIntegrationTest}, so the context is shared.
 */
class ClosureSecurityMatrixTest extends OrchestratorTestBase {

    static final List<String> ROLES = Arrays.stream(Role.values()).map(Enum::name).toList();

    @Autowired
    ApplicationContext context;
    @Autowired
    com.brandclosure.platform.crypto.PersonalData personal;

    int status(String method, String path, String authorization, String body) {
        return RoleMatrix.at(port, ROLES).status(method, path, authorization, method.equals("GET") ? null : body);
    }

    /** A request body the endpoint accepts (so that only access decides the answer). */
    static String validBody(EndpointMatrix.Endpoint e) {
        String p = e.path();
        if (p.endsWith("/approve")) {
            return "{\"version\":1}";
        }
        if (p.endsWith("/reject")) {
            return "{\"reasons\":[\"matrix\"]}";
        }
        if (p.endsWith("/closure") || p.endsWith("/cancel")) {
            return "{\"reason\":\"matrix\"}";
        }
        return "{}";
    }

    static String newAccount() {
        return "mx-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void everyEndpointDeclaresARuleAndEachRoleGetsWhatTheRuleSays() {
        var endpoints = EndpointMatrix.endpoints(context);
        assertThat(endpoints).extracting(EndpointMatrix.Endpoint::path)
                .contains("/api/v1/accounts/{accountId}/closure", "/api/v1/closures", "/api/v1/closures/{accountId}",
                        "/api/v1/closures/{accountId}/approve", "/api/v1/closures/{accountId}/reject",
                        "/api/v1/accounts/{accountId}/audit", "/console");
        RoleMatrix.assertEveryEndpointDeclaresARule(endpoints);
        // A fresh account each time: no allowed call (the bodies are invalid for them) changes anything.
        // Allowed roles send an empty body: refused as invalid (400) or not found, never by access.
        RoleMatrix.at(port, ROLES).assertAccess(endpoints, e -> newAccount(),
                e -> e.method().equals("GET") ? null : "{}");
    }

    @Test
    void theRolesAreTheOnesTheClosureRulesName() {
        var byKey = new java.util.HashMap<String, java.util.Set<String>>();
        EndpointMatrix.endpoints(context).forEach(e -> byKey.put(e.method() + " " + e.path(), e.roles()));
        assertThat(byKey.get("POST /api/v1/accounts/{accountId}/closure")).containsExactlyInAnyOrder("BRAND_ADMIN", "SUPPORT");
        assertThat(byKey.get("POST /api/v1/accounts/{accountId}/closure/cancel")).containsExactlyInAnyOrder("BRAND_ADMIN", "SUPPORT");
        assertThat(byKey.get("GET /api/v1/accounts/{accountId}/closure")).containsExactlyInAnyOrder("BRAND_ADMIN", "SUPPORT", "OPS");
        assertThat(byKey.get("GET /api/v1/closures")).containsExactlyInAnyOrder("SUPPORT", "OPS");
        assertThat(byKey.get("GET /api/v1/closures/{accountId}")).containsExactlyInAnyOrder("SUPPORT", "OPS");
        assertThat(byKey.get("POST /api/v1/closures/{accountId}/approve")).containsExactly("SUPPORT");
        assertThat(byKey.get("POST /api/v1/closures/{accountId}/reject")).containsExactly("SUPPORT");
    }

    @Test
    void anotherBrandsAccountDoesNotExistForABrandAdminOnEveryAccountScopedEndpoint() {
        String account = newAccount();
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("owner", account),
                "{\"reason\":\"ours\"}").status()).isEqualTo(200);
        String stranger = TestTokens.brandAdmin("stranger", "globex-" + UUID.randomUUID());
        var scoped = EndpointMatrix.endpoints(context).stream()
                .filter(e -> e.accountScoped() && e.roles().contains("BRAND_ADMIN")).toList();
        assertThat(scoped).hasSizeGreaterThanOrEqualTo(3);
        for (var e : scoped) {
            assertThat(status(e.method(), e.concretePath(account), stranger, validBody(e)))
                    .as(e + " for another brand's admin").isEqualTo(404);
            assertThat(status(e.method(), e.concretePath(account), TestTokens.brandAdmin("owner", account), "{}"))
                    .as(e + " for the owner (empty body)").isNotIn(401, 403, 404);
        }
        // The stranger's cancel changed nothing, and nothing was recorded in its name.
        assertThat(http.get("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("owner", account))
                .text("state")).isEqualTo("Preparing");
        // Actors are stored sealed (platform.crypto): open them to look for the stranger.
        assertThat(jdbc.queryForList("SELECT actor FROM events", String.class).stream().map(personal::openText))
                .isNotEmpty().doesNotContain("stranger");
    }

    @Test
    void fourEyesTheInitiatorCannotApproveAnotherSupportUserCanAndTheAuditTrailNamesBoth() {
        String account = newAccount();
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM events WHERE stream_id = ?", Integer.class, "closure-" + account) == 4);
        String initiator = TestTokens.support("sue-initiator");
        var initiated = http.post("/api/v1/accounts/" + account + "/closure", initiator, "{\"reason\":\"brand asked by phone\"}");
        assertThat(initiated.text("state")).isEqualTo("ClosureRequested");
        String version = "{\"version\":" + initiated.body().get("version").asLong() + "}";

        var own = http.post("/api/v1/closures/" + account + "/approve", initiator, version);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("detail")).contains("someone other than");
        assertThat(http.post("/api/v1/closures/" + account + "/approve", TestTokens.ops("olga"), version).status())
                .isEqualTo(403);
        var approved = http.post("/api/v1/closures/" + account + "/approve", TestTokens.support("bob-approver"), version);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("approvedBy")).isEqualTo("bob-approver");

        for (String reader : List.of(TestTokens.support("audit-reader"), TestTokens.ops("olga"))) {
            var trail = http.get("/api/v1/accounts/" + account + "/audit", reader);
            assertThat(trail.status()).isEqualTo(200);
            var entries = trail.body().valueStream().toList();
            assertThat(entries).anySatisfy(t -> {
                assertThat(t.get("type").asString()).isEqualTo("ClosureInitiated");
                assertThat(t.get("actor").asString()).isEqualTo("sue-initiator");
            });
            assertThat(entries).anySatisfy(t -> {
                assertThat(t.get("type").asString()).isEqualTo("FinalReviewApproved");
                assertThat(t.get("actor").asString()).isEqualTo("bob-approver");
            });
            assertThat(entries).as("every stored event of the saga carries the account id").hasSize(
                    jdbc.queryForObject("SELECT count(*) FROM events WHERE stream_id = ?", Integer.class,
                            "closure-" + account));
        }
        assertThat(http.get("/api/v1/accounts/" + account + "/audit", TestTokens.brandAdmin("owner", account)).status())
                .isEqualTo(403);
    }

    @Test
    void actuatorShowsHealthToAllAndTheRestOnlyToOps() {
        RoleMatrix.at(port, ROLES).assertActuatorExposure("/actuator/closures", "/actuator/reconciliation");
    }
}
