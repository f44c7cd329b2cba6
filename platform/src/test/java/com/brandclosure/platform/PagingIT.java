package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.NewEvent;
import com.brandclosure.platform.testapp.PlatformTestApplication;
import com.brandclosure.testkit.PageLinks;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's one paging mechanism ({@code web.Paging}) on the lists it answers itself, on a real
 * servlet app and database: the audit trail (an API list) and the actuator's dead letters and parked
 * accounts. First page, the next one through the {@code Link: rel="next"} header, no such header on
 * the last page, and a bad {@code limit} or {@code after} refused naming the field. (Same set-up as
 * SecurityIT, so both share one context.)
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "spring.kafka.consumer.group-id=platform-security"})
@RealInfrastructure(database = "platform_security")
class PagingIT {

    static final String OPS = TestTokens.ops("olga");
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Environment env;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore store;

    record Answer(int status, JsonNode body, String next) {
    }

    Answer get(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl
                : "http://localhost:" + env.getProperty("local.server.port") + pathOrUrl;
        return RestClient.create().get().uri(URI.create(url)).header("Authorization", OPS).exchange((req, res) -> {
            String next = PageLinks.next(res.getHeaders().getFirst("Link"));
            return new Answer(res.getStatusCode().value(), json.readTree(res.getBody()), next);
        });
    }

    /** Follows the Link headers from {@code first} to the end; each page's items as {@code items} picks them. */
    List<List<JsonNode>> pages(String first, Function<JsonNode, JsonNode> items) {
        List<List<JsonNode>> pages = new ArrayList<>();
        String url = first;
        while (url != null) {
            Answer page = get(url);
            assertThat(page.status()).as(url + " " + page.body()).isEqualTo(200);
            List<JsonNode> list = new ArrayList<>();
            items.apply(page.body()).forEach(list::add);
            pages.add(list);
            url = page.next();
            assertThat(pages).as("paging must end").hasSizeLessThan(1_000);
        }
        return pages;
    }

    @Test
    void the_audit_trail_pages_by_limit_and_cursor_through_the_link_header() {
        String account = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            store.append("counter-" + account, i, List.of(new NewEvent(new TestEvents.Counted(account, i),
                    new EventMetadata(UUID.randomUUID(), "pager", "corr-" + i, null, Instant.now()))));
        }
        Answer first = get("/api/v1/accounts/" + account + "/audit?limit=2");
        assertThat(first.body()).hasSize(2);
        assertThat(first.next()).contains("limit=2").contains("after=");

        var pages = pages("/api/v1/accounts/" + account + "/audit?limit=2", body -> body);
        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        List<Long> versions = pages.stream().flatMap(List::stream).map(e -> e.get("version").asLong()).toList();
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
        // All at once (the default limit is 100): one page, no next.
        Answer all = get("/api/v1/accounts/" + account + "/audit");
        assertThat(all.body()).hasSize(5);
        assertThat(all.next()).isNull();
        // Exactly a page's worth left: the last page is full and still has no next.
        Answer exact = get("/api/v1/accounts/" + account + "/audit?limit=5");
        assertThat(exact.body()).hasSize(5);
        assertThat(exact.next()).isNull();
    }

    @Test
    void dead_letters_page_newest_first_to_the_end() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(jdbc.queryForObject("""
                    INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, record_value, error)
                    VALUES ('paging-test', 'paging.topic', 0, ?, 'paging-key', '{}', 'test') RETURNING id""",
                    Long.class, i));
        }
        Answer first = get("/actuator/deadletters?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("latest")).hasSize(2);
        assertThat(first.next()).contains("/actuator/deadletters").contains("after=");
        assertThat(first.body().get("count").asLong()).isGreaterThanOrEqualTo(5);

        var pages = pages("/actuator/deadletters?limit=2", body -> body.get("latest"));
        List<Long> ids = pages.stream().flatMap(List::stream).map(e -> e.get("id").asLong()).toList();
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p).hasSize(2));
        assertThat(pages.getLast()).hasSizeBetween(1, 2);
        assertThat(ids).doesNotHaveDuplicates().containsAll(mine)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ids).hasSize((int) first.body().get("count").asLong());
    }

    @Test
    void parked_accounts_page_oldest_first_to_the_end() {
        long deadLetter = jdbc.queryForObject("""
                INSERT INTO dead_letters (consumer, topic, partition_no, record_offset, record_key, record_value, error)
                VALUES ('paging-consumer', 'paging.topic', 0, 0, 'k', '{}', 'test') RETURNING id""", Long.class);
        String prefix = "parked-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 5; i++) {
            jdbc.update("INSERT INTO parked_accounts (consumer, account_id, dead_letter_id) VALUES (?, ?, ?)",
                    "paging-consumer", prefix + i, deadLetter);
        }
        try {
            Answer first = get("/actuator/parked?limit=2");
            assertThat(first.body().get("accounts")).hasSize(2);
            assertThat(first.next()).contains("/actuator/parked");

            var pages = pages("/actuator/parked?limit=2", body -> body.get("accounts"));
            List<String> keys = pages.stream().flatMap(List::stream)
                    .map(p -> p.get("consumer").asString() + "/" + p.get("accountId").asString()).toList();
            assertThat(keys).doesNotHaveDuplicates().hasSize((int) first.body().get("count").asLong());
            assertThat(keys.stream().filter(k -> k.startsWith("paging-consumer/" + prefix)))
                    .containsExactly(prefix(prefix, 0), prefix(prefix, 1), prefix(prefix, 2), prefix(prefix, 3),
                            prefix(prefix, 4));
            assertThat(pages.getLast()).hasSizeBetween(1, 2);
        } finally {
            jdbc.update("DELETE FROM parked_accounts WHERE account_id LIKE ?", prefix + "%");
        }
    }

    @Test
    void parked_timers_page_oldest_first_to_the_end() {
        String prefix = "paging-" + UUID.randomUUID().toString().substring(0, 8) + "|";
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    INSERT INTO parked_timers (kind, id, data, first_due, attempts, last_error, parked_at)
                    VALUES ('paging-kind', ?, null, now(), 8, 'test', now() + make_interval(secs => ?))""",
                    prefix + i, 1_000_000 + i);
        }
        try {
            Answer first = get("/actuator/timers?limit=1");
            assertThat(first.body().get("parked")).hasSize(1);
            assertThat(first.next()).contains("/actuator/timers");
            var pages = pages("/actuator/timers?limit=1", body -> body.get("parked"));
            List<String> ids = pages.stream().flatMap(List::stream).map(t -> t.get("id").asString()).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize((int) first.body().get("parkedCount").asLong());
            // Parked far in the future: the last three, in order.
            assertThat(ids.subList(ids.size() - 3, ids.size())).containsExactly(prefix + 0, prefix + 1, prefix + 2);
            assertThat(pages.getLast()).hasSize(1);
        } finally {
            jdbc.update("DELETE FROM parked_timers WHERE id LIKE ?", prefix + "%");
        }
    }

    @Test
    void parked_outbox_rows_page_newest_first_to_the_end() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(jdbc.queryForObject("""
                    INSERT INTO outbox_parked (outbox_id, tx_id, topic, message_key, event_id, event_type, envelope, error)
                    VALUES (?, pg_current_xact_id(), 'paging.topic', 'k', ?, 'Test', '{}', 'test') RETURNING id""",
                    Long.class, -1 - i, UUID.randomUUID()));
        }
        try {
            Answer first = get("/actuator/outbox?limit=1");
            assertThat(first.body().get("latestParked")).hasSize(1);
            assertThat(first.next()).contains("/actuator/outbox");
            var pages = pages("/actuator/outbox?limit=1", body -> body.get("latestParked"));
            List<Long> ids = pages.stream().flatMap(List::stream).map(r -> r.get("id").asLong()).toList();
            assertThat(ids).doesNotHaveDuplicates().containsAll(mine)
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(ids).hasSize((int) first.body().get("parked").asLong());
        } finally {
            jdbc.update("DELETE FROM outbox_parked WHERE outbox_id < 0");
        }
    }

    private static String prefix(String prefix, int i) {
        return "paging-consumer/" + prefix + i;
    }

    @Test
    void a_bad_limit_or_cursor_is_refused_with_a_problem_naming_the_field() {
        for (String path : List.of("/api/v1/accounts/acme/audit", "/actuator/deadletters", "/actuator/parked",
                "/actuator/timers", "/actuator/outbox")) {
            for (String limit : List.of("0", "501", "-1", "abc", "1.5", "99999999999")) {
                Answer bad = get(path + "?limit=" + limit);
                assertThat(bad.status()).as(path + "?limit=" + limit).isEqualTo(400);
                // Out of range: the paging rule; not a whole number at all: the type refusal. Both name the field.
                String reason = bad.body().path("fieldErrors").path("limit").asString();
                assertThat(reason).as(path + " " + bad.body()).isNotBlank();
                if (limit.matches("-?[0-9]{1,4}")) {
                    assertThat(reason).contains("1 to 500");
                }
                assertThat(bad.body().toString()).doesNotContain("java.", "Integer");
            }
            Answer badCursor = get(path + "?after=not-a-cursor");
            assertThat(badCursor.status()).as(path + "?after=").isEqualTo(400);
            assertThat(badCursor.body().path("fieldErrors").path("after").asString()).as(path + " " + badCursor.body())
                    .contains("not a cursor");
            assertThat(get(path + "?limit=500").status()).isEqualTo(200);
        }
    }
}
