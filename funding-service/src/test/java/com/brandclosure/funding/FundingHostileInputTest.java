package com.brandclosure.funding;

import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import com.brandclosure.testkit.HostileInput;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.RoleMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input on every endpoint of funding-service that takes a JSON body, generated
 * from the actual request mappings ({@link EndpointMatrix}) and one valid body per endpoint
 * ({@link HostileInput}): each attack is refused with a 4xx problem detail naming the field, never
 * a 5xx or a Java name, and no event of the account is written. Same context configuration as {@link FundingSecurityTest}, so no second context starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "funding_it")
@Import(FundingIntegrationTest.TestClock.class)
class FundingHostileInputTest {

    static final String BASE = "/api/v1/accounts/{accountId}";

    /** A valid body per endpoint that takes one; a new writing endpoint must be listed here or in {@link #NO_BODY}. */
    static final Map<String, String> VALID_BODIES = Map.ofEntries(
            Map.entry("PUT " + BASE + "/funding", "{\"currency\":\"EUR\"}"),
            Map.entry("POST " + BASE + "/funding/deposits", "{\"depositId\":\"d1\",\"method\":\"CARD\",\"amountMinor\":100,\"currency\":\"EUR\"}"),
            Map.entry("POST " + BASE + "/funding/deposits/{depositId}/fail", "{\"reason\":\"bounced\"}"),
            Map.entry("POST " + BASE + "/funding/blocked-costs/{actionId}/resolution", "{\"note\":\"paid outside\"}"),
            Map.entry("POST " + BASE + "/funding/locale-conflict/resolution", "{\"note\":\"converted outside\"}"),
            Map.entry("POST " + BASE + "/funding/charges", "{\"chargeId\":\"c1\",\"amountMinor\":100,\"currency\":\"EUR\",\"dueOn\":\"2099-01-01\",\"description\":\"fee\"}"));

    /** The writing endpoints without a request body. */
    static final List<String> NO_BODY = List.of("POST " + BASE + "/funding/deposits/{depositId}/clear", "POST " + BASE + "/funding/refund-authorizations");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

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
