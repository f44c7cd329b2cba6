package com.brandclosure.catalog;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.PageLinks;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.Shreddings;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP in, catalog events out on {@code catalog.events}; AccountDeactivated in, refusals out. Real Kafka + PostgreSQL.
 * Each test calls as the brand admin of its own account (a real JWT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "catalog_it")
class CatalogIntegrationTest {

    private static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    RestClient http;
    String account;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.CATALOG);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
        account = "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void catalogs_are_created_and_deleted_with_the_summary_and_its_retraction() {
        String first = create("Shoes");
        String second = create("Bags");
        awaitEvents("CatalogCreated", 2);
        awaitEvents("CatalogsPresent", 1);
        assertThat(body(send(HttpMethod.GET, base(), null))).hasSize(2);

        assertThat(send(HttpMethod.DELETE, base() + "/" + first, null).getStatusCode().value()).isEqualTo(200);
        var deleted = send(HttpMethod.DELETE, base() + "/" + second, null);
        assertThat(deleted.getStatusCode().value()).isEqualTo(200);
        assertThat(body(deleted).get("status").asString()).isEqualTo("DELETED");
        awaitEvents("CatalogDeleted", 2);
        awaitEvents("CatalogsDeleted", 1);
        assertThat(body(send(HttpMethod.GET, base(), null))).isEmpty();
        assertThat(body(send(HttpMethod.GET, base() + "?includeDeleted=true", null))).hasSize(2);

        // Deleting an already-deleted catalog: 409 saying so, and nothing is published again.
        var again = send(HttpMethod.DELETE, base() + "/" + second, null);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("already deleted");
        assertThat(send(HttpMethod.DELETE, base() + "/" + UUID.randomUUID(), null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(send(HttpMethod.GET, base() + "/" + second, null).getStatusCode().value()).isEqualTo(200);

        create("Hats");
        awaitEvents("CatalogsPresent", 2);
        assertThat(summaries()).containsExactly("CatalogsPresent", "CatalogsDeleted", "CatalogsPresent");
        assertThat(kafka.events("CatalogDeleted", account)).hasSize(2);
    }

    @Test
    void consecutive_summaries_carry_rising_source_versions_of_the_account_stream() {
        String first = create("Shoes");
        awaitEvents("CatalogsPresent", 1);
        send(HttpMethod.DELETE, base() + "/" + first, null);
        awaitEvents("CatalogsDeleted", 1);
        create("Hats");
        awaitEvents("CatalogsPresent", 2);
        List<Long> versions = kafka.sourceVersions(account, "CatalogsPresent", "CatalogsDeleted");
        assertThat(versions).hasSize(3).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(versions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_list_pages_by_limit_and_the_cursor_of_the_link_header_oldest_first() {
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("Catalog " + i));
        }
        List<String> listed = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        String next = base() + "?limit=2";
        while (next != null) {
            var page = send(HttpMethod.GET, next, null);
            assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
            body(page).forEach(c -> listed.add(c.get("catalogId").asString()));
            sizes.add(body(page).size());
            next = PageLinks.next(page.getHeaders().getFirst("Link"));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(listed).isEqualTo(created);
        // One page holds them all: no next.
        var all = send(HttpMethod.GET, base() + "?limit=5", null);
        assertThat(body(all)).hasSize(5);
        assertThat(all.getHeaders().get("Link")).isNull();

        for (String bad : List.of("0", "501", "abc")) {
            var refused = send(HttpMethod.GET, base() + "?limit=" + bad, null);
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(body(refused).get("fieldErrors").has("limit")).as(refused.getBody()).isTrue();
        }
        var badCursor = send(HttpMethod.GET, base() + "?after=xyz", null);
        assertThat(badCursor.getStatusCode().value()).isEqualTo(400);
        assertThat(body(badCursor).get("fieldErrors").has("after")).as(badCursor.getBody()).isTrue();
    }

    @Test
    void bad_requests_are_refused() {
        var noName = send(HttpMethod.POST, base(), "{}");
        assertThat(noName.getStatusCode().value()).isEqualTo(400);
        assertThat(noName.getBody()).contains("name");
        assertThat(send(HttpMethod.POST, base(), "{\"name\":\"x\",\"colour\":\"red\"}").getStatusCode().value())
                .isEqualTo(400);
        assertThat(send(HttpMethod.GET, base() + "/" + UUID.randomUUID(), null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void after_account_deactivated_no_catalog_is_created_but_deleting_still_works() {
        String catalog = create("Shoes");
        awaitEvents("CatalogsPresent", 1);
        Instant now = Instant.now();
        kafka.send(Topics.CLOSURE, account, """
                {"eventId":"%s","type":"AccountDeactivated","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"support","correlationId":"c-1","causationId":null,
                 "payload":{"accountId":"%s","closureDate":"%s","deactivatedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), account, now, account, LocalDate.now(ZoneOffset.UTC), now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(send(HttpMethod.POST, base(), "{\"name\":\"More\"}").getStatusCode().value()).isEqualTo(409));
        assertThat(send(HttpMethod.POST, base(), "{\"name\":\"More\"}").getBody()).contains("deactivated");
        assertThat(send(HttpMethod.DELETE, base() + "/" + catalog, null).getStatusCode().value()).isEqualTo(200);
        awaitEvents("CatalogsDeleted", 1);
        assertThat(kafka.events("CatalogCreated", account)).hasSize(1);
    }

    @Test
    void a_closed_account_is_shredded_after_the_retention_catalog_names_redacted_and_later_commands_gone() {
        String catalog = create("Secret Winter Catalog");
        awaitEvents("CatalogCreated", 1);
        assertThat(jdbc.queryForList(Shreddings.RAW_ROWS, String.class, account, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("Secret Winter"));
        assertThat(kafka.events("CatalogCreated", account).get(0).value()).doesNotContain("Secret Winter");
        assertThat(body(send(HttpMethod.GET, base() + "/" + catalog, null)).get("name").asString())
                .isEqualTo("Secret Winter Catalog");

        kafka.send(Topics.CLOSURE, account, Shreddings.accountClosed(account, Instant.now().minus(Duration.ofDays(91))));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject(Shreddings.SHREDDED, Integer.class, account) == 1);

        assertThat(jdbc.queryForObject(Shreddings.EVIDENCE, Integer.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT name FROM catalog_view WHERE account_id = ?", String.class, account))
                .containsExactly("<shredded>");
        var audit = http.get().uri("/api/v1/accounts/" + account + "/audit")
                .header("Authorization", TestTokens.support("sue")).retrieve().body(String.class);
        assertThat(audit).contains("AccountDataShredded").contains("<shredded>").doesNotContain("Secret Winter");
        var late = send(HttpMethod.POST, base(), "{\"name\":\"After\"}");
        assertThat(late.getStatusCode().value()).isEqualTo(410);
        assertThat(late.getBody()).contains("shredded");
    }

    @Test
    void final_review_approved_fences_the_account_and_confirms_it_once_with_account_fenced() {
        String catalog = create("Shoes");
        awaitEvents("CatalogsPresent", 1);
        String approval = finalReviewApproved("CLS-" + account + "-1");
        kafka.send(Topics.CLOSURE, account, approval);
        // The same approval again under another event id (a duplicate the inbox cannot recognise).
        kafka.send(Topics.CLOSURE, account, finalReviewApproved("CLS-" + account + "-1"));

        awaitEvents("AccountFenced", 1);
        var fenced = json.readTree(kafka.events("AccountFenced", account).getFirst().value()).get("payload");
        assertThat(fenced.get("closureId").asString()).isEqualTo("CLS-" + account + "-1");
        assertThat(fenced.get("service").asString()).isEqualTo("catalog-service");
        assertThat(fenced.get("fencedAt").asString()).isNotBlank();
        var refused = send(HttpMethod.POST, base(), "{\"name\":\"More\"}");
        assertThat(refused.getStatusCode().value()).as("fenced before the deactivation").isEqualTo(409);
        assertThat(send(HttpMethod.DELETE, base() + "/" + catalog, null).getStatusCode().value()).isEqualTo(200);
        awaitEvents("CatalogsDeleted", 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> kafka.events("AccountFenced", account).size() == 1);
    }

    private String finalReviewApproved(String ticket) {
        return """
                {"eventId":"%s","type":"FinalReviewApproved","schemaVersion":1,"accountId":"%s","occurredAt":"%s",
                 "actor":"support","correlationId":"c-1","causationId":null,
                 "payload":{"accountId":"%s","ticketId":"%s","approver":"support","closureDate":"%s"}}"""
                .formatted(UUID.randomUUID(), account, Instant.now(), account, ticket, LocalDate.now(ZoneOffset.UTC));
    }

    private String base() {
        return "/api/v1/accounts/" + account + "/catalogs";
    }

    private String create(String name) {
        var response = send(HttpMethod.POST, base(), "{\"name\":\"" + name + "\"}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return body(response).get("catalogId").asString();
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String jsonBody) {
        var spec = http.method(method).uri(path).header("Authorization", TestTokens.brandAdmin("ann", account));
        if (jsonBody != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return spec.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }

    private JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    private List<String> summaries() {
        return kafka.records(r -> account.equals(r.key())).stream().map(r -> KafkaProbe.header(r, "event-type"))
                .filter(t -> t.equals("CatalogsDeleted") || t.equals("CatalogsPresent")).toList();
    }

    private void awaitEvents(String type, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(type, account)).hasSize(count));
    }
}
