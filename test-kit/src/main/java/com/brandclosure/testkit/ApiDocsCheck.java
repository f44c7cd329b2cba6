package com.brandclosure.testkit;

import org.junit.jupiter.api.function.Executable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a running service's OpenAPI document ({@code /v3/api-docs}) against its actual request
 * mappings: every path + method is documented, with the roles of its {@code @Allow} as
 * {@code x-roles} (or no security requirement if it is a {@code @PublicEndpoint}) and its 4xx
 * answers as problem details: 401 and 403 unless public, 400 when it takes parameters or a body,
 * 404 when its path has variables, 409 and 422 when it writes. Actuator, the error page, springdoc's
 * own handlers and HTML pages (the ops console) are not API operations and are skipped.
 */
public final class ApiDocsCheck {

    private static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RestClient http;
    private final String authorization;

    private ApiDocsCheck(int port, String authorization) {
        this.http = RestClient.create("http://localhost:" + port);
        this.authorization = authorization;
    }

    /** A check of the service on {@code localhost:port}, calling with {@code authorization} (null: none). */
    public static ApiDocsCheck at(int port, String authorization) {
        return new ApiDocsCheck(port, authorization);
    }

    /** The status and body of a GET; never throws on a status. */
    public RoleMatrix.Response get(String path) {
        var spec = http.get().uri(path);
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.exchange((req, res) -> new RoleMatrix.Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** The OpenAPI document; fails unless {@code /v3/api-docs} answers 200 with JSON. */
    public JsonNode document() {
        RoleMatrix.Response r = get("/v3/api-docs");
        assertEquals(200, r.status(), "/v3/api-docs: " + r.body());
        return JsonMapper.builder().build().readTree(r.body());
    }

    /** Swagger UI's page answers (its redirect and the page itself). */
    public void assertSwaggerUiAnswers() {
        RoleMatrix.Response redirect = get("/swagger-ui.html");
        assertTrue(redirect.status() == 200 || redirect.status() == 302, "/swagger-ui.html: " + redirect.status());
        RoleMatrix.Response page = get("/swagger-ui/index.html");
        assertEquals(200, page.status(), "/swagger-ui/index.html");
        assertTrue(page.body().contains("swagger-ui"), "/swagger-ui/index.html is Swagger UI");
    }

    /** What the document must say for one mapping. */
    public record Operation(String method, String path, Set<String> roles, boolean isPublic, String handler) {
    }

    /** The API operations of {@code mapping}, in OpenAPI path syntax. */
    public static List<Operation> operations(RequestMappingHandlerMapping mapping) {
        List<Operation> operations = new ArrayList<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            String type = handler.getBeanType().getName();
            if (type.startsWith("org.springframework.") || type.startsWith("org.springdoc.") || producesOnlyHtml(info)) {
                continue;
            }
            Set<String> roles = EndpointMatrix.roles(handler);
            boolean isPublic = EndpointMatrix.has(handler, EndpointMatrix.PUBLIC);
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/actuator") || pattern.equals("/error")) {
                    continue;
                }
                // {name:regex} is documented as {name}
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    operations.add(new Operation(m.name(), path, roles, isPublic,
                            handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName()));
                }
            }
        }
        operations.sort((a, b) -> (a.path + a.method).compareTo(b.path + b.method));
        return operations;
    }

    private static boolean producesOnlyHtml(RequestMappingInfo info) {
        var produces = info.getProducesCondition().getProducibleMediaTypes();
        return !produces.isEmpty() && produces.stream().allMatch(MediaType.TEXT_HTML::isCompatibleWith);
    }

    /**
     * Every operation of {@code mapping} is in the document with its roles and 4xx problem answers,
     * the problem-detail schema and a security scheme are declared; all failures are reported together.
     * Returns the operations checked.
     */
    public List<Operation> assertEveryMappingDocumented(RequestMappingHandlerMapping mapping) {
        List<Operation> operations = operations(mapping);
        assertFalse(operations.isEmpty(), "the service has API operations");
        assertDocumented(document(), operations);
        return operations;
    }

    /** {@link #assertEveryMappingDocumented} on a document already fetched. */
    public static void assertDocumented(JsonNode doc, List<Operation> operations) {
        List<Executable> checks = new ArrayList<>();
        JsonNode problem = doc.path("components").path("schemas").path("ProblemDetail");
        checks.add(() -> assertEquals(new TreeSet<>(List.of("detail", "fieldErrors", "instance", "status", "title", "type")),
                names(problem.path("properties")), "ProblemDetail schema properties"));
        checks.add(() -> assertFalse(doc.path("components").path("securitySchemes").isEmpty(), "security schemes"));
        for (Operation o : operations) {
            String what = o.method + " " + o.path + " (" + o.handler + ")";
            JsonNode op = doc.path("paths").path(o.path).path(o.method.toLowerCase());
            if (op.isMissingNode()) {
                checks.add(() -> assertFalse(true, what + " is not in /v3/api-docs"));
                continue;
            }
            JsonNode responses = op.path("responses");
            Set<String> expected = new LinkedHashSet<>();
            if (o.isPublic) {
                checks.add(() -> assertTrue(op.path("security").isArray() && op.path("security").isEmpty(),
                        what + " public: no security requirement"));
            } else {
                expected.add("401");
                expected.add("403");
                Set<String> documentedRoles = new TreeSet<>();
                op.path("x-roles").forEach(r -> documentedRoles.add(r.asString()));
                checks.add(() -> assertEquals(new TreeSet<>(o.roles), documentedRoles, what + " x-roles"));
            }
            boolean hasPathVariable = o.path.contains("{");
            boolean hasInput = hasPathVariable || !op.path("parameters").isEmpty() || !op.path("requestBody").isMissingNode();
            if (hasInput) {
                expected.add("400");
            }
            if (hasPathVariable) {
                expected.add("404");
            }
            if (WRITES.contains(o.method)) {
                expected.add("409");
                expected.add("422");
            }
            for (String status : expected) {
                JsonNode schema = responses.path(status).path("content").path("application/problem+json").path("schema");
                checks.add(() -> assertEquals(PROBLEM_REF, schema.path("$ref").asString(""),
                        what + " documents " + status + " as a problem detail"));
            }
        }
        assertAll("/v3/api-docs against the request mappings", checks);
    }

    /**
     * Every GET operation that answers a list (a collection, or a body whose {@code items} is one) pages the
     * platform's way ({@code web.Paging}): the document names its query parameters {@code limit} (an integer from
     * 1 to 500) and {@code after}, unless it is marked {@code web.Unpaged} with the reason its list is bounded.
     * Returns the paged list operations found, as "METHOD path".
     */
    public List<String> assertEveryListPaged(RequestMappingHandlerMapping mapping) {
        JsonNode doc = document();
        List<String> lists = new ArrayList<>();
        List<Executable> checks = new ArrayList<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            String type = handler.getBeanType().getName();
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (type.startsWith("org.springframework.") || type.startsWith("org.springdoc.")
                    || !(methods.isEmpty() || methods.contains(RequestMethod.GET)) || !answersList(handler)) {
                continue;
            }
            String unpaged = unpagedReason(handler);
            if (unpaged != null) {
                checks.add(() -> assertFalse(unpaged.isBlank(), handler.getMethod().getName()
                        + ": @Unpaged needs the reason the list is bounded"));
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                lists.add("GET " + path);
                Map<String, JsonNode> query = new java.util.HashMap<>();
                doc.path("paths").path(path).path("get").path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString(""))) {
                        query.put(p.path("name").asString(""), p);
                    }
                });
                String what = "GET " + path + " (" + handler.getBeanType().getSimpleName() + "#"
                        + handler.getMethod().getName() + ")";
                checks.add(() -> assertTrue(query.containsKey("after"), what + " takes ?after="));
                checks.add(() -> {
                    JsonNode limit = query.get("limit");
                    assertTrue(limit != null, what + " takes ?limit=");
                    assertEquals("integer", limit.path("schema").path("type").asString(""), what + " limit is an integer");
                    assertEquals(500, limit.path("schema").path("maximum").asInt(-1), what + " limit is at most 500");
                });
            }
        }
        assertAll("every list is paged", checks);
        java.util.Collections.sort(lists);
        return lists;
    }

    /** The reason of the platform's {@code web.Unpaged} on the operation (by name: the kit does not depend on the platform), or null. */
    private static String unpagedReason(HandlerMethod handler) {
        for (var annotation : handler.getMethod().getAnnotations()) {
            if (annotation.annotationType().getName().equals("com.brandclosure.platform.web.Unpaged")) {
                try {
                    return String.valueOf(annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + annotation, e);
                }
            }
        }
        return null;
    }

    private static boolean answersList(HandlerMethod handler) {
        Class<?> body = handler.getMethod().getReturnType();
        if (body == org.springframework.http.ResponseEntity.class) {
            var generic = handler.getMethod().getGenericReturnType();
            if (generic instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                body = c;
            } else if (generic instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof java.lang.reflect.ParameterizedType inner
                    && inner.getRawType() instanceof Class<?> c) {
                body = c;
            }
        }
        if (java.util.Collection.class.isAssignableFrom(body)) {
            return true;
        }
        if (body.isRecord()) {
            for (var component : body.getRecordComponents()) {
                if (component.getName().equals("items") && java.util.Collection.class.isAssignableFrom(component.getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One request body of the closure journey as {@code docs/journey.md} sends it with curl. */
    public record JourneyRequest(String method, String path, String body) {
    }

    private static final java.util.regex.Pattern CURL_URL = java.util.regex.Pattern.compile("localhost:(\\d+)(/[^\\s'\"?]*)");
    private static final java.util.regex.Pattern CURL_METHOD = java.util.regex.Pattern.compile("-X (\\w+)");
    private static final java.util.regex.Pattern CURL_BODY = java.util.regex.Pattern.compile("-d '([^']*)'");

    /**
     * The journey's requests with a JSON body to the service on local-stack port {@code port}: every
     * {@code curl … -d '…' localhost:<port>/…} line of {@code journey} (commented alternatives too), except
     * empty bodies and the local stack's own {@code /local/} endpoints.
     */
    public static List<JourneyRequest> journeyRequests(java.nio.file.Path journey, int port) {
        List<JourneyRequest> requests = new ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(journey, StandardCharsets.UTF_8)) {
                if (!line.contains("curl ")) {
                    continue;
                }
                var url = CURL_URL.matcher(line);
                var body = CURL_BODY.matcher(line);
                if (!url.find() || Integer.parseInt(url.group(1)) != port || !body.find()) {
                    continue;
                }
                if (url.group(2).startsWith("/local/") || body.group(1).isBlank() || body.group(1).equals("{}")) {
                    continue;
                }
                var method = CURL_METHOD.matcher(line);
                requests.add(new JourneyRequest(method.find() ? method.group(1) : "POST", url.group(2), body.group(1)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + journey, e);
        }
        return requests;
    }

    /**
     * Every journey request has an example request body in the document (on the operation's media type or
     * its body's schema) with the same fields as the body the journey sends. Returns the requests checked.
     */
    public static List<JourneyRequest> assertJourneyExamples(JsonNode doc, List<JourneyRequest> requests) {
        assertFalse(requests.isEmpty(), "the journey sends this service request bodies");
        JsonMapper mapper = JsonMapper.builder().build();
        List<Executable> checks = new ArrayList<>();
        for (JourneyRequest r : requests) {
            String what = r.method() + " " + r.path() + " " + r.body();
            String path = documentedPath(doc, r.path());
            if (path == null) {
                checks.add(() -> assertFalse(true, what + ": no such path in /v3/api-docs"));
                continue;
            }
            JsonNode media = doc.path("paths").path(path).path(r.method().toLowerCase()).path("requestBody")
                    .path("content").path("application/json");
            JsonNode example = exampleOf(doc, media, mapper);
            // The journey writes a placeholder for the version support saw (N): any number stands for it.
            JsonNode sent = mapper.readTree(r.body().replaceAll(":\\s*N\\b", ":0"));
            checks.add(() -> assertTrue(example != null && example.isObject(), what + ": an example request body for "
                    + r.method() + " " + path + ", got " + example));
            checks.add(() -> assertEquals(names(sent), example == null ? Set.of() : names(example),
                    what + ": the example has the journey's fields"));
        }
        assertAll("request examples for the journey (docs/journey.md)", checks);
        return requests;
    }

    /** The document's path template that {@code concrete} (e.g. {@code /api/v1/accounts/acme/closure}) fills in. */
    private static String documentedPath(JsonNode doc, String concrete) {
        String[] parts = concrete.split("/");
        String best = null;
        int bestLiterals = -1;
        for (String template : names(doc.path("paths"))) {
            String[] t = template.split("/");
            if (t.length != parts.length) {
                continue;
            }
            int literals = 0;
            boolean fits = true;
            for (int i = 0; i < t.length && fits; i++) {
                if (t[i].startsWith("{")) {
                    continue;
                }
                fits = t[i].equals(parts[i]);
                literals++;
            }
            if (fits && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static JsonNode exampleOf(JsonNode doc, JsonNode media, JsonMapper mapper) {
        JsonNode example = media.path("example");
        if (example.isMissingNode() && media.path("examples").isObject() && !media.path("examples").isEmpty()) {
            example = media.path("examples").iterator().next().path("value");
        }
        if (example.isMissingNode()) {
            JsonNode schema = media.path("schema");
            String ref = schema.path("$ref").asString("");
            if (ref.startsWith("#/components/schemas/")) {
                schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            }
            example = schema.path("example");
        }
        if (example.isString()) {
            example = mapper.readTree(example.asString());
        }
        return example.isMissingNode() || example.isNull() ? null : example;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
