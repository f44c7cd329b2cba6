package com.brandclosure.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.MultipleFailuresError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link ApiDocsCheck} accepts and refuses, on hand-written documents. */
class ApiDocsCheckTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "{\"content\":{\"application/problem+json\":{\"schema\":{\"$ref\":\"#/components/schemas/ProblemDetail\"}}}}";
    static final String COMPONENTS = """
            "components":{"securitySchemes":{"bearer-jwt":{"type":"http","scheme":"bearer"}},
              "schemas":{"ProblemDetail":{"properties":{"type":{},"title":{},"status":{},"detail":{},"instance":{},"fieldErrors":{}}}}}""";

    static final List<ApiDocsCheck.Operation> OPERATIONS = List.of(
            new ApiDocsCheck.Operation("POST", "/api/v1/accounts/{accountId}/things", Set.of("BRAND_ADMIN"), false, "Things#create"),
            new ApiDocsCheck.Operation("GET", "/t/{linkId}", Set.of(), true, "Links#click"));

    static JsonNode doc(String postResponses, String roles) {
        return JSON.readTree("""
                {"paths":{
                  "/api/v1/accounts/{accountId}/things":{"post":{"x-roles":%s,"requestBody":{},"responses":{%s}}},
                  "/t/{linkId}":{"get":{"security":[],"responses":{"400":%s,"404":%s}}}},
                 %s}""".formatted(roles, postResponses, PROBLEM, PROBLEM, COMPONENTS));
    }

    static String responses(String... statuses) {
        return String.join(",", java.util.Arrays.stream(statuses).map(s -> "\"" + s + "\":" + PROBLEM).toList());
    }

    @Test
    void a_document_with_every_operation_its_roles_and_its_problem_answers_passes() {
        assertThatCode(() -> ApiDocsCheck.assertDocumented(
                doc(responses("400", "401", "403", "404", "409", "422"), "[\"BRAND_ADMIN\"]"), OPERATIONS))
                .doesNotThrowAnyException();
    }

    @Test
    void a_missing_refusal_wrong_roles_or_a_missing_operation_fail() {
        assertThatThrownBy(() -> ApiDocsCheck.assertDocumented(
                doc(responses("400", "401", "404", "409", "422"), "[\"BRAND_ADMIN\"]"), OPERATIONS))
                .isInstanceOf(MultipleFailuresError.class).hasMessageContaining("documents 403");
        assertThatThrownBy(() -> ApiDocsCheck.assertDocumented(
                doc(responses("400", "401", "403", "404", "409", "422"), "[\"SUPPORT\"]"), OPERATIONS))
                .hasMessageContaining("x-roles");
        var extra = new java.util.ArrayList<>(OPERATIONS);
        extra.add(new ApiDocsCheck.Operation("DELETE", "/api/v1/accounts/{accountId}/things", Set.of("OPS"), false, "Things#delete"));
        assertThatThrownBy(() -> ApiDocsCheck.assertDocumented(
                doc(responses("400", "401", "403", "404", "409", "422"), "[\"BRAND_ADMIN\"]"), extra))
                .hasMessageContaining("DELETE /api/v1/accounts/{accountId}/things (Things#delete) is not in /v3/api-docs");
    }

    @Test
    void a_refusal_that_is_not_a_problem_detail_fails() {
        String plain = "\"403\":{\"content\":{\"application/json\":{\"schema\":{\"type\":\"string\"}}}}";
        assertThatThrownBy(() -> ApiDocsCheck.assertDocumented(
                doc(responses("400", "401", "404", "409", "422") + "," + plain, "[\"BRAND_ADMIN\"]"), OPERATIONS))
                .hasMessageContaining("documents 403 as a problem detail");
    }

    static JsonNode withExample(String example) {
        return JSON.readTree("""
                {"paths":{"/api/v1/accounts/{accountId}/things":{"post":{"requestBody":{"content":{"application/json":
                  {"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
                 "components":{"schemas":{"Thing":{"type":"object"%s}}}}""".formatted(
                example == null ? "" : ",\"example\":" + example));
    }

    @Test
    void journey_requests_need_an_example_with_the_fields_the_journey_sends(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        var journey = dir.resolve("journey.md");
        java.nio.file.Files.writeString(journey, String.join("\n",
                "curl -u acme-admin:demo -X POST -H \"$R\" -H \"$J\" -d '{\"name\":\"Spring\",\"size\":2}' localhost:8084/api/v1/accounts/acme/things",
                "# or: curl -u acme-admin:demo -X POST -H \"$R\" -d '{}' localhost:8084/api/v1/accounts/acme/things",
                "curl -u ops:demo -X POST -d '{\"by\":\"P2D\"}' localhost:8084/local/clock/advance",
                "curl -u acme-admin:demo -X POST -d '{\"other\":1}' localhost:8081/api/v1/accounts/acme/things"));
        var requests = ApiDocsCheck.journeyRequests(journey, 8084);
        org.assertj.core.api.Assertions.assertThat(requests).containsExactly(new ApiDocsCheck.JourneyRequest("POST",
                "/api/v1/accounts/acme/things", "{\"name\":\"Spring\",\"size\":2}"));
        assertThatCode(() -> ApiDocsCheck.assertJourneyExamples(withExample("{\"name\":\"Outlet\",\"size\":1}"), requests))
                .doesNotThrowAnyException();
        // A string example holding JSON (as @Schema(example = ...) may give) counts too.
        assertThatCode(() -> ApiDocsCheck.assertJourneyExamples(withExample("\"{\\\"name\\\":\\\"x\\\",\\\"size\\\":1}\""),
                requests)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiDocsCheck.assertJourneyExamples(withExample(null), requests))
                .hasMessageContaining("an example request body");
        assertThatThrownBy(() -> ApiDocsCheck.assertJourneyExamples(withExample("{\"name\":\"Outlet\"}"), requests))
                .hasMessageContaining("the example has the journey's fields");
    }
}
