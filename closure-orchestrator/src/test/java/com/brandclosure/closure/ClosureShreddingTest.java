package com.brandclosure.closure;

import com.brandclosure.events.RefundIssued;
import com.brandclosure.events.Topics;
import com.brandclosure.testkit.Shreddings;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator learns AccountClosed from its own saga and shreds the account after the retention (two
 * seconds here, so the saga's own closure time can be used): the closure summary's initiator is redacted,
 * the saga's history keeps its shape with markers, and the account cannot be initiated again.
 */
@TestPropertySource(properties = "platform.shredding.retention=PT2S")
class ClosureShreddingTest extends OrchestratorTestBase {

    static final String SUPPORT = TestTokens.support("support-agent");

    @Test
    void a_closed_account_is_shredded_after_the_retention_and_cannot_be_reopened() {
        String account = "shred-" + UUID.randomUUID().toString().substring(0, 12);
        String admin = TestTokens.brandAdmin("brand-admin-secret", account);
        sources.allPreconditionsHold(account, Instant.now().minus(1, ChronoUnit.DAYS));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM events WHERE stream_id = ?", Integer.class, "closure-" + account) == 4);
        var initiated = http.post("/api/v1/accounts/" + account + "/closure", admin, "{\"reason\":\"reason-secret\"}");
        assertThat(initiated.text("state")).isEqualTo("ClosureRequested");
        long version = http.get("/api/v1/closures/" + account, SUPPORT).body().get("version").asLong();
        var approved = http.post("/api/v1/closures/" + account + "/approve", SUPPORT, "{\"version\":" + version + "}");
        // Deactivating until the four services confirm their fences, then awaiting the final settlement.
        assertThat(approved.text("state")).isEqualTo("Deactivating");
        for (String service : java.util.List.of("contracts-service", "payouts-service", "funding-service", "catalog-service")) {
            sources.fenced(account, service, approved.text("ticketId"));
        }
        await().atMost(PATIENCE).until(() -> "AwaitingFinalSettlement".equals(
                http.get("/api/v1/closures/" + account, SUPPORT).text("state")));
        assertThat(jdbc.queryForList(Shreddings.RAW_ROWS, String.class, account, account, account))
                .isNotEmpty().noneMatch(row -> row.contains("reason-secret") || row.contains("brand-admin-secret"));
        await().atMost(PATIENCE).until(() -> !kafka.events("ClosureInitiated", account).isEmpty());
        assertThat(kafka.events("ClosureInitiated", account).get(0).value())
                .doesNotContain("reason-secret").doesNotContain("brand-admin-secret");

        sources.send(Topics.FUNDING, new RefundIssued(account, "refund-1", 12_500, "EUR"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(Shreddings.SHREDDED, Integer.class, account) == 1);

        assertThat(jdbc.queryForObject(Shreddings.EVIDENCE, Integer.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT initiated_by FROM closure_summary WHERE account_id = ?", String.class,
                account)).isEqualTo("<shredded>");
        var trail = http.get("/api/v1/accounts/" + account + "/audit", SUPPORT);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().toString()).contains("ClosureInitiated").contains("AccountClosed")
                .contains("AccountDataShredded").contains("<shredded>")
                .doesNotContain("reason-secret").doesNotContain("brand-admin-secret");
        var reopen = http.post("/api/v1/accounts/" + account + "/closure", admin, "{\"reason\":\"again\"}");
        assertThat(reopen.status()).isEqualTo(410);
        assertThat(reopen.text("detail")).contains("shredded");
    }
}
