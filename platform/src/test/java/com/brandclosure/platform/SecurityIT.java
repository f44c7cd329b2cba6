package com.brandclosure.platform;

import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's security setup on a real servlet app: JWT mode, @Allow, tenant check, actuator exposure. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet",
                "management.endpoints.web.exposure.include=health,info,metrics,prometheus"})
@RealInfrastructure(database = "platform_security")
class SecurityIT {

    @Autowired
    Environment env;
    @Autowired
    ApplicationContext context;

    int status(String path, String authorization) {
        var request = RestClient.create("http://localhost:" + env.getProperty("local.server.port")).get().uri(path);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }

    String body(String path, String authorization) {
        return RestClient.create("http://localhost:" + env.getProperty("local.server.port")).get().uri(path)
                .header("Authorization", authorization).retrieve().body(String.class);
    }

    @Test
    void unauthenticated_requests_get_401_and_public_endpoints_answer() {
        assertThat(status("/api/v1/accounts/acme/things", null)).isEqualTo(401);
        assertThat(status("/api/v1/accounts/acme/things", "Bearer not-a-jwt")).isEqualTo(401);
        assertThat(status("/public/ping", null)).isEqualTo(200);
    }

    @Test
    void roles_not_listed_in_allow_get_403_and_an_endpoint_without_a_rule_is_closed_to_all() {
        assertThat(status("/api/v1/accounts/acme/things", TestTokens.ops("olga"))).isEqualTo(403);
        assertThat(status("/api/v1/unruled", TestTokens.support("sam"))).isEqualTo(403);
        assertThat(EndpointMatrix.endpoints(context)).filteredOn(e -> e.path().equals("/api/v1/unruled"))
                .singleElement().satisfies(e -> assertThat(e.declaresRule()).isFalse());
    }

    @Test
    void a_brand_admin_sees_its_own_account_and_another_brands_account_does_not_exist_for_it() {
        assertThat(body("/api/v1/accounts/acme/things", TestTokens.brandAdmin("ann", "acme"))).isEqualTo("ann");
        assertThat(status("/api/v1/accounts/globex/things", TestTokens.brandAdmin("ann", "acme"))).isEqualTo(404);
        assertThat(body("/api/v1/accounts/globex/things", TestTokens.support("sam"))).isEqualTo("sam");
    }

    @Test
    void actuator_exposes_only_health_publicly_and_the_rest_to_ops() {
        assertThat(status("/actuator/health", null)).isEqualTo(200);
        assertThat(status("/actuator/health/liveness", null)).isEqualTo(200);
        assertThat(status("/actuator/metrics", null)).isEqualTo(401);
        assertThat(status("/actuator/metrics", TestTokens.support("sam"))).isEqualTo(403);
        assertThat(status("/actuator/metrics", TestTokens.ops("olga"))).isEqualTo(200);
        assertThat(status("/actuator/env", TestTokens.ops("olga"))).isEqualTo(404);
        assertThat(status("/actuator/heapdump", TestTokens.ops("olga"))).isEqualTo(404);
    }
}
