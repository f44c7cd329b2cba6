package com.brandclosure.closure;

import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.HostileInput;
import com.brandclosure.testkit.RoleMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input on every endpoint of the closure orchestrator that takes a JSON body, generated
 * from the actual request mappings ({@link EndpointMatrix}) and one valid body per endpoint
 * ({@link HostileInput}): each attack is refused with a 4xx problem detail naming the field, never
 * a 5xx or a Java name, and no event of the account is written. Same context as the other {@link OrchestratorTestBase} tests.
 */
class ClosureHostileInputTest extends OrchestratorTestBase {

    static final String BASE = "/api/v1/accounts/{accountId}";

    /** A valid body per endpoint that takes one; a new writing endpoint must be listed here or in {@link #NO_BODY}. */
    static final Map<String, String> VALID_BODIES = Map.ofEntries(
            Map.entry("POST " + BASE + "/closure", "{\"reason\":\"we stop\"}"),
            Map.entry("POST " + BASE + "/closure/cancel", "{\"reason\":\"changed our mind\"}"),
            Map.entry("POST /api/v1/closures/{accountId}/approve", "{\"version\":1}"),
            Map.entry("POST /api/v1/closures/{accountId}/reject", "{\"reasons\":[\"balance unclear\"]}"),
            Map.entry("POST /api/v1/console/services/{service}/parked/{consumer}/{accountId}", "{\"action\":\"discard\"}"));

    /** The writing endpoints without a request body: the review request, the console's actions forwarded to a service's actuator. */
    static final List<String> NO_BODY = List.of("POST " + BASE + "/closure/review-request",
            "POST /api/v1/console/services/{service}/deadletters/{id}/replay",
            "POST /api/v1/console/services/{service}/timers/{kind}/{id}",
            "DELETE /api/v1/console/services/{service}/timers/{kind}/{id}");

    @Autowired
    ApplicationContext context;

    @Test
    void every_endpoint_with_a_body_refuses_hostile_input_with_a_problem_detail_and_changes_nothing() {
        String account = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        List<Endpoint> all = EndpointMatrix.endpoints(context);
        assertThat(all.stream().filter(RoleMatrix::writes).map(RoleMatrix::key))
                .as("every writing endpoint has a valid body listed, or is listed as taking none")
                .allMatch(k -> VALID_BODIES.containsKey(k) || NO_BODY.contains(k));
        List<Endpoint> withBodies = HostileInput.withBodies(all, e -> VALID_BODIES.get(RoleMatrix.key(e)));
        assertThat(withBodies).hasSize(VALID_BODIES.size());

        HostileInput.at(port).assertRefusedCleanly(withBodies, e -> e.concretePath(account),
                e -> VALID_BODIES.get(RoleMatrix.key(e)), e -> HostileInput.admittedToken(e, account),
                e -> () -> jdbc.queryForObject("SELECT count(*) FROM events WHERE account_id = ?", Long.class, account));
    }
}
