package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.EndpointMatrix;
import com.brandclosure.testkit.HostileInput;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's HTTP boundary on a real servlet app: every refusal is a problem detail without
 * Java names (unknown path, 405, 406, 415, missing and unreadable bodies, mistyped parameters),
 * request JSON is strict while stored JSON stays lenient, bodies and headers are bounded, and a
 * busy account answers 503 with Retry-After. Its own context (no Kafka listener): sharing
 * {@link SecurityIT}'s would resume that context after others ran, and its db-scheduler cannot
 * start again once paused.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "spring.kafka.consumer.group-id=platform-web",
                "spring.kafka.listener.auto-startup=false"})
@RealInfrastructure(database = "platform_web")
class WebBoundaryIT {

    static final String VALID = "{\"amountMinor\":100,\"note\":\"rent\",\"kind\":\"CARD\",\"on\":\"2026-01-31\","
            + "\"at\":\"2026-01-31T10:00:00Z\",\"tags\":[\"a\"],\"urgent\":false}";

    @Autowired
    Environment env;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AccountLocks locks;
    @Autowired
    JsonCodec codec;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String service = TestTokens.service("svc");

    record Answer(int status, String contentType, JsonNode body, String text, HttpResponse<String> raw) {
    }

    Answer send(String method, String path, String contentType, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + env.getProperty("local.server.port") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = null;
        try {
            parsed = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            // asserted below through the content type
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed,
                response.body(), response);
    }

    Answer pay(String account, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = service;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "/api/v1/accounts/" + account + "/payments", "application/json", body, all);
    }

    static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).as(a.text()).startsWith("application/problem+json");
        assertThat(a.body().path("status").asInt()).isEqualTo(status);
        assertThat(a.body().path("detail").asString()).as(a.text()).isNotBlank();
        assertThat(HostileInput.JAVA_NAMES.matcher(a.text()).find()).as("Java names in " + a.text()).isFalse();
    }

    static void assertNamesField(Answer a, String field) {
        assertThat(a.body().path("fieldErrors").has(field) || a.body().path("detail").asString().contains(field))
                .as("%s names %s", a.text(), field).isTrue();
    }

    long effects(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effects WHERE account_id = ?", Long.class, account);
    }

    static String newAccount() {
        return "web-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void the_frameworks_own_refusals_are_problem_details_without_java_names() throws Exception {
        String account = newAccount();
        Answer unknown = send("GET", "/api/v1/nothing-here", null, null, "Authorization", service);
        assertProblem(unknown, 404);
        assertProblem(send("GET", "/api/v1/nothing-here", null, null), 401);

        Answer method = send("DELETE", "/api/v1/accounts/" + account + "/payments", null, null, "Authorization", service);
        assertProblem(method, 405);
        assertThat(method.raw().headers().firstValue("Allow").orElse("")).contains("POST");

        Answer notAcceptable = send("GET", "/api/v1/accounts/" + account + "/payments", null, null,
                "Authorization", service, "Accept", "application/xml");
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.text()).doesNotContain("Exception").doesNotContain("java.");

        Answer mediaType = send("POST", "/api/v1/accounts/" + account + "/payments", "text/plain", VALID,
                "Authorization", service);
        assertProblem(mediaType, 415);
        assertThat(mediaType.body().path("detail").asString()).contains("application/json");

        Answer missing = send("POST", "/api/v1/accounts/" + account + "/payments", "application/json", null,
                "Authorization", service);
        assertProblem(missing, 400);
        assertThat(missing.body().path("detail").asString()).contains("body is required").doesNotContain("Payment");

        Answer badSize = send("GET", "/api/v1/accounts/" + account + "/payments?size=abc", null, null,
                "Authorization", service);
        assertProblem(badSize, 400);
        assertThat(badSize.body().path("fieldErrors").path("size").asString()).contains("whole number");
        Answer badKind = send("GET", "/api/v1/accounts/" + account + "/payments?kind=CASH", null, null,
                "Authorization", service);
        assertProblem(badKind, 400);
        assertThat(badKind.body().path("fieldErrors").path("kind").asString()).isEqualTo("must be one of CARD, TRANSFER");

        Answer nulParameter = send("GET", "/api/v1/accounts/" + account + "/payments?note=a%00b", null, null,
                "Authorization", service);
        assertProblem(nulParameter, 400);
        Answer nulKind = send("GET", "/api/v1/accounts/" + account + "/payments?kind=%00", null, null,
                "Authorization", service);
        assertProblem(nulKind, 400);

        Answer rejected = send("GET", "/api/v1/accounts/a%2F..%2Fb/payments", null, null, "Authorization", service);
        assertThat(rejected.status()).isBetween(400, 499);
        assertThat(rejected.text()).doesNotContain("Exception");
        assertThat(effects(account)).isZero();
    }

    @Test
    void whole_numbers_are_refused_in_any_other_form_and_each_refusal_names_the_field() throws Exception {
        String account = newAccount();
        for (String amount : List.of("10.5", "\"100\"", "100.0", "1e2", "123456789012345678901234567890", "true")) {
            Answer a = pay(account, VALID.replace("\"amountMinor\":100", "\"amountMinor\":" + amount));
            assertProblem(a, 400);
            assertNamesField(a, "amountMinor");
        }
        Answer number = pay(account, VALID.replace("\"note\":\"rent\"", "\"note\":12"));
        assertProblem(number, 400);
        assertNamesField(number, "note");
        Answer flag = pay(account, VALID.replace("\"urgent\":false", "\"urgent\":\"false\""));
        assertProblem(flag, 400);
        assertNamesField(flag, "urgent");
        Answer kind = pay(account, VALID.replace("\"CARD\"", "\"CASH\""));
        assertProblem(kind, 400);
        assertThat(kind.body().path("fieldErrors").path("kind").asString()).isEqualTo("must be one of CARD, TRANSFER");
        for (String date : List.of("\"31/01/2026\"", "\"2026-02-30\"", "20483")) {
            Answer a = pay(account, VALID.replace("\"2026-01-31\"", date));
            assertProblem(a, 400);
            assertNamesField(a, "on");
        }
        for (String instant : List.of("123", "1.7e9", "\"yesterday\"")) {
            Answer a = pay(account, VALID.replace("\"2026-01-31T10:00:00Z\"", instant));
            assertProblem(a, 400);
            assertThat(a.body().path("fieldErrors").has("at")).as(a.text()).isTrue();
        }
        assertThat(effects(account)).isZero();

        assertThat(pay(account, VALID).status()).isEqualTo(201);
        assertThat(effects(account)).isOne();
    }

    @Test
    void duplicate_keys_unknown_fields_nul_and_overlong_strings_are_refused() throws Exception {
        String account = newAccount();
        Answer duplicate = pay(account, "{\"amountMinor\":1," + VALID.substring(1));
        assertProblem(duplicate, 400);
        assertNamesField(duplicate, "amountMinor");
        assertThat(duplicate.body().path("detail").asString()).contains("more than once");

        Answer unknown = pay(account, VALID.replace("{", "{\"sneaky\":1,"));
        assertProblem(unknown, 400);
        assertNamesField(unknown, "sneaky");

        Answer nul = pay(account, VALID.replace("rent", "re\\u0000nt"));
        assertProblem(nul, 400);
        assertThat(nul.body().path("fieldErrors").path("note").asString()).contains("NUL");
        Answer nulInList = pay(account, VALID.replace("[\"a\"]", "[\"a\\u0000\"]"));
        assertProblem(nulInList, 400);
        assertNamesField(nulInList, "tags[0]");

        Answer overlong = pay(account, VALID.replace("rent", "x".repeat(10_001)));
        assertProblem(overlong, 400);
        assertThat(overlong.body().path("fieldErrors").path("note").asString()).contains("longer than 10000");

        Answer malformed = pay(account, "{\"amountMinor\":");
        assertProblem(malformed, 400);
        assertThat(malformed.body().path("detail").asString()).contains("not valid JSON");
        assertThat(effects(account)).isZero();
    }

    @Test
    void stored_and_published_json_is_still_read_leniently() {
        record Stored(long amountMinor, String note) {
        }
        Stored stored = codec.read("{\"amountMinor\":100.0,\"note\":\"a\",\"addedLater\":true}", Stored.class);
        assertThat(stored.amountMinor()).isEqualTo(100);
        assertThat(codec.read("{\"amountMinor\":1,\"note\":\"" + "x".repeat(20_000) + "\"}", Stored.class).note())
                .hasSize(20_000);
    }

    @Test
    void bodies_are_bounded_with_or_without_content_length_and_headers_are_bounded() throws Exception {
        String account = newAccount();
        long limit = 4L * 1024 * 1024;
        String big = "{\"note\":\"" + "x".repeat((int) limit) + "\"}";
        Answer sized = pay(account, big);
        assertProblem(sized, 413);

        var chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + env.getProperty("local.server.port")
                        + "/api/v1/accounts/" + account + "/payments"))
                .header("Authorization", service).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
        HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        Answer longId = pay(account, VALID, "X-Correlation-Id", "c".repeat(129));
        assertProblem(longId, 400);
        assertNamesField(longId, "X-Correlation-Id");
        assertProblem(pay(account, VALID, "X-Correlation-Id", "a b<script>"), 400);
        assertProblem(pay(account, VALID, "Idempotency-Key", "k".repeat(129)), 400);
        assertThat(pay(account, VALID, "X-Correlation-Id", UUID.randomUUID().toString(),
                "Idempotency-Key", "key-1").status()).isEqualTo(201);
        assertThat(effects(account)).isOne();
    }

    @Test
    void a_request_on_an_account_whose_lock_is_held_answers_503_with_retry_after_within_the_lock_timeout()
            throws Exception {
        String account = newAccount();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            locks.lock(account);
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            Answer busy = pay(account, VALID);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertProblem(busy, 503);
            assertThat(busy.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body().path("detail").asString()).contains(account).contains("busy");
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(5));
            assertThat(pay(newAccount(), VALID).status()).as("another account is not blocked").isEqualTo(201);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        assertThat(effects(account)).isZero();
        assertThat(pay(account, VALID).status()).isEqualTo(201);
    }

    @Test
    void a_request_whose_database_connection_is_cut_answers_503_with_retry_after_not_500() throws Exception {
        String account = newAccount();
        Answer cut = send("GET", "/api/v1/accounts/" + account + "/payments/cut-connection", null, null,
                "Authorization", service);
        assertProblem(cut, 503);
        assertThat(cut.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(cut.body().path("detail").asString()).contains("unavailable").doesNotContain("PSQLException");
        // The pool replaces the connection: the next request is served.
        assertThat(send("GET", "/api/v1/accounts/" + account + "/payments", null, null, "Authorization", service)
                .status()).isEqualTo(200);
    }

    @Test
    void the_hostile_input_suite_passes_on_the_platforms_own_endpoint() {
        String account = newAccount();
        var endpoints = HostileInput.withBodies(EndpointMatrix.endpoints(context),
                e -> e.path().endsWith("/payments") ? VALID : null);
        assertThat(endpoints).hasSize(1);
        HostileInput.at(Integer.parseInt(env.getProperty("local.server.port"))).assertRefusedCleanly(endpoints,
                e -> e.concretePath(account), e -> VALID, e -> service, e -> () -> effects(account));
    }
}
