package com.brandclosure.testkit;

import com.brandclosure.testkit.EndpointMatrix.Endpoint;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and careless request bodies for every endpoint that takes one, generated from a valid
 * body per endpoint (its fields say what to break): malformed JSON, no body, an array instead of
 * an object, wrong JSON types per field, fractional / string / float / exponent / huge / negative
 * numbers, NUL and 100k-character strings, an unknown field, a duplicate key, a wrong content
 * type, and an oversized chunked body (no Content-Length). Each must be refused with a 4xx
 * problem detail ({@code application/problem+json}, {@code status} and {@code detail}) that names
 * the broken field where there is one and no Java type, class or method; never a 5xx; and the
 * service's state (a fingerprint the test supplies) must not change.
 * <p>
 * All endpoints and attacks run before failing: the failures come together, with a findings
 * table (endpoint, attack, status) printed for the report.
 */
public final class HostileInput {

    /** Java names a client must never see: packages, exception classes, Jackson's backticked types, signatures. */
    public static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|com\\.brandclosure)\\.\\w"
                    + "|\\w+Exception\\b|`|\\bclass [A-Za-z]|\\w\\(\\w+(\\.\\w+)+[,)]|\\.java\\b");

    /** One hostile request. {@code field} is the JSON field it breaks (null: the body as a whole). */
    public record Attack(String name, String field, String contentType, byte[] body, boolean chunked,
                         int expectedStatus, boolean mustNameField) {
        /** {@code expectedStatus} 0: any 4xx. */
        static Attack json(String name, String field, String body, int expectedStatus, boolean mustNameField) {
            return new Attack(name, field, "application/json", body.getBytes(StandardCharsets.UTF_8), false,
                    expectedStatus, mustNameField);
        }
    }

    /** What one attack got: for the findings table. */
    public record Finding(String endpoint, String attack, int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final String base;
    private final long maxRequestBytes;
    private final List<Finding> findings = new ArrayList<>();

    private HostileInput(int port, long maxRequestBytes) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** For the application on {@code localhost:port}, whose request-size limit is the platform default (4 MiB). */
    public static HostileInput at(int port) {
        return new HostileInput(port, 4L * 1024 * 1024);
    }

    /** When the application's {@code platform.web.max-request-bytes} is not the default. */
    public HostileInput maxRequestBytes(long bytes) {
        return new HostileInput(port, bytes);
    }

    /** Every endpoint that takes a JSON body: those writing endpoints for which {@code validBody} is not null. */
    public static List<Endpoint> withBodies(List<Endpoint> endpoints, Function<Endpoint, String> validBody) {
        return endpoints.stream().filter(RoleMatrix::writes).filter(e -> validBody.apply(e) != null).toList();
    }

    /**
     * Runs every attack on every endpoint with a body and asserts the refusals; {@code path} fills
     * the path variables, {@code authorization} is a token the endpoint admits, {@code state} a
     * fingerprint of what an accepted request would change.
     */
    public void assertRefusedCleanly(List<Endpoint> endpoints, Function<Endpoint, String> path,
                                     Function<Endpoint, String> validBody, Function<Endpoint, String> authorization,
                                     Function<Endpoint, Supplier<Object>> state) {
        List<Executable> checks = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String body = Objects.requireNonNull(validBody.apply(e), "valid body of " + RoleMatrix.key(e));
            checks.addAll(checks(e, path.apply(e), body, authorization.apply(e), state.apply(e)));
        }
        printFindings();
        assertFalse(checks.isEmpty(), "no endpoint with a body was attacked");
        assertAll("hostile input", checks);
    }

    /** A token of a role the endpoint admits (SERVICE first: it may call most), scoped to {@code account}. */
    public static String admittedToken(Endpoint e, String account) {
        for (String role : List.of("SERVICE", "SUPPORT", "BRAND_ADMIN", "OPS")) {
            if (e.roles().contains(role)) {
                return TestTokens.forRole(role, "hostile-" + role.toLowerCase(), account);
            }
        }
        return null;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    // ------------------------------------------------------------------ attacks

    /** The attacks on one valid body (a JSON object). */
    public List<Attack> attacks(String validBody) {
        JsonNode parsed = JSON.readTree(validBody);
        if (!(parsed instanceof ObjectNode valid)) {
            throw new IllegalArgumentException("a valid body must be a JSON object: " + validBody);
        }
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.json("malformed JSON", null, validBody.substring(0, Math.max(1, validBody.length() / 2)) + "{\"",
                400, false));
        // Any 4xx: an endpoint whose body is optional may answer an empty one with its own refusal (404).
        attacks.add(Attack.json("empty body", null, "", 0, false));
        attacks.add(Attack.json("array instead of object", null, "[" + validBody + "]", 400, false));
        attacks.add(Attack.json("unknown field", "unexpectedField", with(valid, "unexpectedField", JSON.getNodeFactory()
                .numberNode(1)), 400, true));
        attacks.add(new Attack("wrong content type", null, "text/plain", validBody.getBytes(StandardCharsets.UTF_8),
                false, 415, false));
        attacks.add(new Attack("chunked oversize", null, "application/json", null, true, 413, false));
        var names = valid.propertyNames().iterator();
        if (names.hasNext()) {
            String first = names.next();
            String duplicated = "{\"" + first + "\":" + JSON.writeValueAsString(valid.get(first)) + ","
                    + validBody.trim().substring(1);
            attacks.add(Attack.json("duplicate key", first, duplicated, 400, true));
        }
        for (var property : valid.properties()) {
            attacks.addAll(fieldAttacks(valid, property.getKey(), property.getValue()));
        }
        return attacks;
    }

    private List<Attack> fieldAttacks(ObjectNode valid, String field, JsonNode value) {
        JsonNodeFactory f = JSON.getNodeFactory();
        List<Attack> attacks = new ArrayList<>();
        if (value.isIntegralNumber()) {
            attacks.add(raw(valid, field, "fractional number", "10.5"));
            attacks.add(raw(valid, field, "number as string", "\"100\""));
            attacks.add(raw(valid, field, "float for an integer", "100.0"));
            attacks.add(raw(valid, field, "exponent number", "1e2"));
            attacks.add(raw(valid, field, "huge number", "123456789012345678901234567890"));
            attacks.add(raw(valid, field, "boolean for a number", "true"));
            attacks.add(Attack.json("negative number " + field, field, with(valid, field, f.numberNode(-1)), 0, false));
        } else if (value.isString()) {
            attacks.add(Attack.json("NUL in string " + field, field, with(valid, field, f.stringNode("a\u0000b")), 400,
                    true));
            attacks.add(Attack.json("100k-character string " + field, field,
                    with(valid, field, f.stringNode("x".repeat(100_000))), 400, true));
            attacks.add(raw(valid, field, "number for a string", "123"));
            attacks.add(raw(valid, field, "object for a string", "{\"a\":1}"));
        } else if (value.isBoolean()) {
            attacks.add(raw(valid, field, "string for a boolean", "\"true\""));
            attacks.add(raw(valid, field, "number for a boolean", "1"));
        } else if (value.isArray()) {
            attacks.add(raw(valid, field, "string for a list", "\"x\""));
            attacks.add(raw(valid, field, "list of objects", "[{\"a\":1}]"));
            if (!value.isEmpty() && value.get(0).isString()) {
                attacks.add(Attack.json("NUL in list element " + field, field,
                        with(valid, field, f.arrayNode().add("a\u0000b")), 400, true));
            }
        } else if (value.isObject()) {
            attacks.add(raw(valid, field, "string for an object", "\"x\""));
        }
        return attacks;
    }

    /** A wrong-type value, spliced in as raw JSON text: 400 naming the field. */
    private static Attack raw(ObjectNode valid, String field, String name, String rawJson) {
        String marker = "\"__hostile__\"";
        String body = with(valid, field, JSON.getNodeFactory().stringNode("__hostile__")).replace(marker, rawJson);
        return Attack.json(name + " " + field, field, body, 400, true);
    }

    private static String with(ObjectNode valid, String field, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(field, value);
        return JSON.writeValueAsString(copy);
    }

    // ------------------------------------------------------------------ checks

    private List<Executable> checks(Endpoint e, String path, String validBody, String authorization,
                                    Supplier<Object> state) {
        List<Executable> checks = new ArrayList<>();
        for (Attack attack : attacks(validBody)) {
            Object before = state.get();
            Response r = send(e.method(), path, authorization, attack);
            Object after = state.get();
            String what = e.method() + " " + path + " [" + attack.name() + "]";
            findings.add(new Finding(RoleMatrix.key(e), attack.name(), r.status(), r.body()));
            checks.add(() -> {
                assertTrue(r.status() >= 400 && r.status() < 500, what + ": 4xx expected, got " + r.status() + " "
                        + shorten(r.body()));
                if (attack.expectedStatus() != 0) {
                    assertEquals(attack.expectedStatus(), r.status(), what + ": " + shorten(r.body()));
                }
                assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                        what + ": problem detail expected, content type " + r.contentType());
                JsonNode problem = JSON.readTree(r.body());
                assertEquals(r.status(), problem.path("status").asInt(), what + ": status in the body");
                assertTrue(problem.path("detail").isString() && !problem.path("detail").asString().isBlank(),
                        what + ": a detail is given: " + shorten(r.body()));
                var javaName = JAVA_NAMES.matcher(r.body());
                assertFalse(javaName.find(), () -> what + ": the answer names Java ('" + javaName.group() + "'): "
                        + shorten(r.body()));
                if (attack.mustNameField()) {
                    String field = attack.field();
                    assertTrue(problem.path("detail").asString().contains(field)
                                    || problem.path("fieldErrors").has(field),
                            what + ": the answer names the field " + field + ": " + shorten(r.body()));
                }
                assertEquals(before, after, what + ": nothing changed");
            });
        }
        return checks;
    }

    record Response(int status, String contentType, String body) {
    }

    private Response send(String method, String path, String authorization, Attack attack) {
        HttpRequest.BodyPublisher publisher;
        if (attack.chunked()) {
            long size = maxRequestBytes + 64 * 1024;
            // A stream of unknown length: the client sends it chunked, without Content-Length.
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> oversizeJson(size));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(attack.body());
        }
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, publisher).header("Content-Type", attack.contentType())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " [" + attack.name() + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"a":"xxxx…"}} of {@code size} bytes. */
    private static InputStream oversizeJson(long size) {
        byte[] head = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long p = position++;
                return p < head.length ? head[(int) p] : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private void printFindings() {
        Map<String, List<String>> byEndpoint = new LinkedHashMap<>();
        for (Finding f : findings) {
            byEndpoint.computeIfAbsent(f.endpoint(), k -> new ArrayList<>()).add(f.status() + " " + f.attack());
        }
        StringBuilder out = new StringBuilder("Hostile-input findings:\n");
        byEndpoint.forEach((endpoint, lines) -> out.append("  ").append(endpoint).append('\n')
                .append("    ").append(String.join("\n    ", lines)).append('\n'));
        System.out.println(out);
    }

    private static String shorten(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
