package com.brandclosure.catalog;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.StateReportCheck;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The closure saga's state-report request (real Kafka + PostgreSQL): answered with the current
 * summary carrying {@code reportFor}, for an account never seen (CatalogsDeleted) and for one with
 * a catalog (CatalogsPresent), each with the next version of the account stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "catalog_it")
class StateReportIntegrationTest {

    private static KafkaProbe kafka;

    @LocalServerPort
    int port;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.CATALOG);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @Test
    void a_never_seen_account_is_reported_with_no_catalogs() {
        StateReportCheck.neverSeenAccountIsAnsweredTwice(kafka, "CatalogsDeleted");
    }

    @Test
    void an_account_with_a_catalog_is_reported_with_the_catalogs_present() {
        String account = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        var created = RestClient.builder().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/v1/accounts/" + account + "/catalogs")
                .header("Authorization", TestTokens.brandAdmin("ann", account))
                .header("Content-Type", "application/json").body("{\"name\":\"Shoes\"}")
                .retrieve().toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.events("CatalogsPresent", account).isEmpty());
        var answer = StateReportCheck.answer(kafka, account, "CLO-" + account + "-1", "CatalogsPresent");
        assertThat(answer.path("catalogs").asLong()).isEqualTo(1);
        assertThat(kafka.sourceVersions(account, "CatalogsPresent")).containsExactly(1L, 2L);
    }
}
