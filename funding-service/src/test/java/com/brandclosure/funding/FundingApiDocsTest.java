package com.brandclosure.funding;

import com.brandclosure.testkit.ApiDocsCheck;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * funding-service's OpenAPI document, fetched without credentials, against its request mappings
 * ({@link ApiDocsCheck}): every operation with its roles and problem-detail error answers; Swagger UI
 * answers. Same context configuration as {@link FundingSecurityTest}, so no second context starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "funding_it")
@Import(FundingIntegrationTest.TestClock.class)
class FundingApiDocsTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void every_request_mapping_is_documented_with_its_roles_and_error_responses_and_the_docs_are_public() {
        var docs = ApiDocsCheck.at(port, null);
        var checked = docs.assertEveryMappingDocumented(mapping);
        assertThat(checked).extracting(o -> o.method() + " " + o.path())
                .contains("POST /api/v1/accounts/{accountId}/funding/deposits", "GET /api/v1/accounts/{accountId}/audit");
        assertThat(docs.document().path("components").path("securitySchemes").has("bearer-jwt"))
                .as("jwt mode documents the bearer scheme").isTrue();
        // The journey's request bodies (docs/journey.md, this service's local-stack port 8083) have examples.
        assertThat(ApiDocsCheck.assertJourneyExamples(docs.document(), ApiDocsCheck.journeyRequests(
                java.nio.file.Path.of("..", "docs", "journey.md"), 8083))).isNotEmpty();
        docs.assertSwaggerUiAnswers();
    }

    @Test
    void every_list_is_paged_with_limit_and_after() {
        assertThat(ApiDocsCheck.at(port, null).assertEveryListPaged(mapping))
                .containsExactly("GET /api/v1/accounts/{accountId}/audit");
    }
}
