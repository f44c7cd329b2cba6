package com.brandclosure.testkit;

import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import org.junit.jupiter.api.function.Executable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared mechanics of the services' security tests, on top of {@link EndpointMatrix}: plain
 * HTTP calls with an optional {@code Authorization} header; every endpoint declares a rule; the
 * role matrix (401 without a token or with a bad one, 403 for each role not allowed, neither for
 * each allowed role); and the actuator exposure every service shares. The expected rule tables,
 * cross-tenant fixtures and audit checks stay in the services.
 */
public final class RoleMatrix {

    /** The operational actuator endpoints every service exposes to OPS only. */
    public static final List<String> OPS_ACTUATOR_ENDPOINTS = List.of("/actuator/metrics", "/actuator/prometheus",
            "/actuator/outbox", "/actuator/deadletters");

    /** One answer: status and body text. */
    public record Response(int status, String body) {
    }

    private final RestClient http;
    private final List<String> roles;
    private final boolean allowedMustNotFail;

    private RoleMatrix(RestClient http, List<String> roles, boolean allowedMustNotFail) {
        this.http = http;
        this.roles = roles;
        this.allowedMustNotFail = allowedMustNotFail;
    }

    /** A matrix for the application on {@code localhost:port}, checking each of {@code roles}. */
    public static RoleMatrix at(int port, Collection<String> roles) {
        return new RoleMatrix(RestClient.create("http://localhost:" + port), List.copyOf(roles), false);
    }

    /** Also requires an allowed role's answer to be below 500. */
    public RoleMatrix allowedAnswersBelow500() {
        return new RoleMatrix(http, roles, true);
    }

    public static String key(Endpoint e) {
        return e.method() + " " + e.path();
    }

    /** True for the methods that carry a request body (POST, PUT, PATCH). */
    public static boolean writes(Endpoint e) {
        return e.method().equals("POST") || e.method().equals("PUT") || e.method().equals("PATCH");
    }

    // ------------------------------------------------------------------ HTTP

    /** Any status is returned, never thrown; {@code authorization} and {@code body} (JSON) may be null. */
    public Response call(String method, String path, String authorization, String body) {
        var spec = http.method(HttpMethod.valueOf(method)).uri(path);
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    public int status(String method, String path, String authorization, String body) {
        return call(method, path, authorization, body).status();
    }

    // ------------------------------------------------------------------ rules

    /** Every endpoint carries {@code @Allow} or {@code @PublicEndpoint}. */
    public static void assertEveryEndpointDeclaresARule(List<Endpoint> endpoints) {
        List<String> undeclared = endpoints.stream().filter(e -> !e.declaresRule())
                .map(e -> key(e) + " (" + e.handler() + ")").toList();
        assertTrue(undeclared.isEmpty(), "endpoints without @Allow or @PublicEndpoint: " + undeclared);
    }

    /** The public endpoints are exactly {@code expected} ("METHOD /path"). */
    public static void assertPublicEndpointsAre(List<Endpoint> endpoints, Collection<String> expected) {
        Set<String> actual = new TreeSet<>(endpoints.stream().filter(Endpoint::isPublic).map(RoleMatrix::key).toList());
        assertEquals(new TreeSet<>(expected), actual, "public endpoints");
        assertEquals(expected.size(), endpoints.stream().filter(Endpoint::isPublic).count(), "public endpoints");
    }

    // ------------------------------------------------------------------ role matrix

    /**
     * For each endpoint, with {@code account} in its path variables and {@code body}: a public one
     * is neither 401 nor 403 without a token; any other is 401 without a token and with a bad one,
     * 403 for each role it does not allow, neither 401 nor 403 for each role it allows. All
     * endpoints are checked before failing (the failures are reported together).
     */
    public void assertAccess(List<Endpoint> endpoints, Function<Endpoint, String> account,
                             Function<Endpoint, String> body) {
        List<Executable> checks = new ArrayList<>();
        for (Endpoint e : endpoints) {
            checks.addAll(accessChecks(e, account.apply(e), body.apply(e)));
        }
        assertAll("role matrix", checks);
    }

    /** {@link #assertAccess(List, Function, Function)} for one endpoint. */
    public void assertAccess(Endpoint e, String account, String body) {
        assertAll(key(e), accessChecks(e, account, body));
    }

    private List<Executable> accessChecks(Endpoint e, String account, String body) {
        String path = e.concretePath(account);
        String what = e.method() + " " + path + " (" + key(e) + ")";
        List<Executable> checks = new ArrayList<>();
        if (e.isPublic()) {
            Response r = call(e.method(), path, null, body);
            checks.add(() -> assertFalse(r.status() == 401 || r.status() == 403,
                    what + " public, without a token: " + r.status() + " " + r.body()));
            return checks;
        }
        int anonymous = status(e.method(), path, null, body);
        checks.add(() -> assertEquals(401, anonymous, what + " without a token"));
        int badToken = status(e.method(), path, "Bearer not-a-jwt", body);
        checks.add(() -> assertEquals(401, badToken, what + " with a bad token"));
        for (String role : roles) {
            Response r = call(e.method(), path, TestTokens.forRole(role, "matrix-" + role.toLowerCase(), account), body);
            if (e.roles().contains(role)) {
                checks.add(() -> assertFalse(r.status() == 401 || r.status() == 403,
                        what + " as allowed " + role + ": " + r.status() + " " + r.body()));
                if (allowedMustNotFail) {
                    checks.add(() -> assertTrue(r.status() < 500,
                            what + " as allowed " + role + ": " + r.status() + " " + r.body()));
                }
            } else {
                checks.add(() -> assertEquals(403, r.status(), what + " as " + role + ", not allowed: " + r.body()));
            }
        }
        return checks;
    }

    // ------------------------------------------------------------------ actuator

    /**
     * Health (and its liveness and readiness groups) is public; {@link #OPS_ACTUATOR_ENDPOINTS}
     * and {@code moreOpsEndpoints} are 401 without a token, 403 for SUPPORT, 200 for OPS; heapdump,
     * env, shutdown and threaddump are not exposed (404 for OPS, GET, and POST for shutdown).
     */
    public void assertActuatorExposure(String... moreOpsEndpoints) {
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Response r = call("GET", path, null, null);
            checks.add(() -> assertEquals(200, r.status(), path + ": " + r.body()));
        }
        List<String> opsOnly = new ArrayList<>(OPS_ACTUATOR_ENDPOINTS);
        opsOnly.addAll(List.of(moreOpsEndpoints));
        String support = TestTokens.support("sam");
        String ops = TestTokens.ops("olga");
        for (String path : opsOnly) {
            int anonymous = status("GET", path, null, null);
            int asSupport = status("GET", path, support, null);
            int asOps = status("GET", path, ops, null);
            checks.add(() -> assertEquals(401, anonymous, path + " without a token"));
            checks.add(() -> assertEquals(403, asSupport, path + " as SUPPORT"));
            checks.add(() -> assertEquals(200, asOps, path + " as OPS"));
        }
        for (String path : List.of("/actuator/heapdump", "/actuator/env", "/actuator/shutdown",
                "/actuator/threaddump")) {
            int asOps = status("GET", path, ops, null);
            checks.add(() -> assertEquals(404, asOps, path + " as OPS"));
        }
        int shutdown = status("POST", "/actuator/shutdown", ops, null);
        checks.add(() -> assertEquals(404, shutdown, "POST /actuator/shutdown as OPS"));
        assertAll("actuator exposure", checks);
    }
}
