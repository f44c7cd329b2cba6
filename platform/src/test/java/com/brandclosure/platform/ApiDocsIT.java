package com.brandclosure.platform;

import com.brandclosure.platform.apidocs.PlatformApiDocsAutoConfiguration;
import com.brandclosure.platform.config.PlatformProperties;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.ApiDocsCheck;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's OpenAPI customisation on the test app: the bearer scheme (JWT mode, which the test
 * kit's infrastructure sets), roles from {@code @Allow}, a public endpoint without security, a
 * handler without a rule shown as closed, the standard refusals as problem details; the document and
 * Swagger UI need no credentials. Demo mode's HTTP Basic scheme is checked on the customiser itself.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "spring.kafka.consumer.group-id=platform-apidocs",
                "spring.application.name=platform-test"})
@RealInfrastructure(database = "platform_apidocs")
class ApiDocsIT {

    @Autowired
    Environment env;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    ApiDocsCheck docs() {
        return ApiDocsCheck.at(Integer.parseInt(env.getProperty("local.server.port")), null);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void every_mapping_is_documented_with_its_roles_and_refusals_and_the_bearer_scheme() {
        var checked = docs().assertEveryMappingDocumented(mapping);
        assertThat(checked).extracting(o -> o.method() + " " + o.path())
                .contains("GET /api/v1/accounts/{accountId}/things", "GET /public/ping", "GET /api/v1/unruled",
                        "GET /api/v1/accounts/{accountId}/audit");
        JsonNode doc = docs().document();
        assertThat(doc.path("info").path("title").asString()).isEqualTo("platform-test");
        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer-jwt");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.path("components").path("securitySchemes").has("demo-basic")).isFalse();
        assertThat(doc.path("security").toString()).contains("bearer-jwt");

        JsonNode things = doc.path("paths").path("/api/v1/accounts/{accountId}/things").path("get");
        assertThat(texts(things.path("x-roles"))).containsExactly("BRAND_ADMIN", "SUPPORT");
        assertThat(things.path("description").asString()).contains("Roles: BRAND_ADMIN, SUPPORT.");
        assertThat(things.path("responses").propertyNames()).contains("200", "400", "401", "403", "404")
                .doesNotContain("409", "422");

        JsonNode ping = doc.path("paths").path("/public/ping").path("get");
        assertThat(ping.path("security").isArray() && ping.path("security").isEmpty()).isTrue();
        assertThat(ping.path("x-public").asString()).isEqualTo("liveness of the test app");
        assertThat(ping.path("responses").propertyNames()).doesNotContain("401", "403");

        JsonNode unruled = doc.path("paths").path("/api/v1/unruled").path("get");
        assertThat(texts(unruled.path("x-roles"))).isEmpty();
        assertThat(unruled.path("description").asString()).contains("declares no @Allow");

        // Platform's own handlers and actuator are not in the API document.
        assertThat(doc.path("paths").propertyNames()).noneMatch(p -> p.startsWith("/actuator") || p.startsWith("/v3/api-docs"));
        docs().assertSwaggerUiAnswers();
    }

    @Test
    void demo_mode_documents_http_basic_instead_of_the_bearer_scheme() {
        var openApi = new io.swagger.v3.oas.models.OpenAPI();
        PlatformApiDocsAutoConfiguration.customise(openApi, PlatformProperties.Security.Mode.DEMO, "demo-service");
        assertThat(openApi.getComponents().getSecuritySchemes()).containsOnlyKeys("demo-basic");
        assertThat(openApi.getComponents().getSecuritySchemes().get("demo-basic").getScheme()).isEqualTo("basic");
        assertThat(openApi.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsOnlyKeys("demo-basic"));
        assertThat(openApi.getComponents().getSchemas()).containsKey("ProblemDetail");
        assertThat(openApi.getInfo().getTitle()).isEqualTo("demo-service");
    }
}
