package com.brandclosure.closure;

import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.FundingInsufficient;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stale fact delivered again, on real Kafka and PostgreSQL: funding said "sufficient" (source
 * version 4), then "insufficient" (5); the old "sufficient" arrives once more, later in the
 * partition and with a later occurredAt (funding-service re-publishing it, an operator's replay).
 * The saga orders by the source version, so the closure still waits on funding.
 */
class StaleFactReplayIntegrationTest extends OrchestratorTestBase {

    static final String SUPPORT = TestTokens.support("support-agent");

    @Test
    void aStaleFundingSufficientSentAgainAfterANewerFundingInsufficientChangesNothing() {
        String account = "stale-" + UUID.randomUUID().toString().substring(0, 12);
        var initiated = http.post("/api/v1/accounts/" + account + "/closure",
                TestTokens.brandAdmin("brand-admin", account), "{\"reason\":\"moving on\"}");
        assertThat(initiated.status()).isEqualTo(200);
        Instant now = Instant.now();
        Instant lockAt = now.minus(1, ChronoUnit.HOURS);

        String sufficientV4 = sources.envelope(new FundingSufficient(account, 12_500, 0, "EUR", now, 4));
        sources.resend(Topics.FUNDING, account, sufficientV4);
        String insufficientV5 = sources.envelope(new FundingInsufficient(account, 0, 5_000, 5_000, "EUR",
                now.plusSeconds(1), 5, java.util.List.of()));
        sources.resend(Topics.FUNDING, account, insufficientV5);
        await().atMost(PATIENCE).until(() -> funding(account).path("sourceVersion").asLong() == 5);
        sources.send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC), lockAt,
                now, 1));
        sources.send(Topics.CONTRACTS, new ContractsExpired(account, now, 1));
        sources.send(Topics.CATALOG, new CatalogsDeleted(account, now, 1));
        await().atMost(PATIENCE).until(() -> waitingOn(account).equals("[\"FUNDING_SUFFICIENT\"]"));

        // The old word again, under a new event id (so the inbox does not drop it), later in the partition and
        // with a later occurredAt, sent by funding-service's own principal as its relay would.
        String replayedV4 = sources.envelope(new FundingSufficient(account, 12_500, 0, "EUR", now.plusSeconds(60), 4));
        String replayedId = json.parse(replayedV4).get("eventId").asString();
        try (var funding = KafkaProbe.as("funding-service")) {
            funding.send(Topics.FUNDING, account, replayedV4);
        }
        // Also the very record of version 4 again (a redelivery): dropped by the inbox.
        sources.resend(Topics.FUNDING, account, sufficientV4);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE event_id = ?", Long.class, replayedId) == 1);

        var closure = http.get("/api/v1/closures/" + account, SUPPORT);
        assertThat(closure.text("state")).isEqualTo("Preparing");
        assertThat(closure.body().get("waitingOn").toString()).isEqualTo("[\"FUNDING_SUFFICIENT\"]");
        JsonNode funding = funding(account);
        assertThat(funding.get("holds").asBoolean()).isFalse();
        assertThat(funding.get("sourceVersion").asLong()).isEqualTo(5);
        assertThat(funding.get("sourceEventId").asString()).isEqualTo(json.parse(insufficientV5).get("eventId").asString());
        assertThat(kafka.events("ClosureRequested", account)).isEmpty();
    }

    /**
     * A cost funding-service cannot book is never dropped: funding says insufficient and names it, and the
     * closure waits on FUNDING_SUFFICIENT showing that reason, with every other precondition met.
     */
    @Test
    void theClosureWaitsOnFundingShowingTheCostFundingCannotBook() {
        String account = "blocked-" + UUID.randomUUID().toString().substring(0, 12);
        assertThat(http.post("/api/v1/accounts/" + account + "/closure", TestTokens.brandAdmin("brand-admin", account),
                "{\"reason\":\"moving on\"}").status()).isEqualTo(200);
        Instant now = Instant.now();
        Instant lockAt = now.minus(1, ChronoUnit.HOURS);
        sources.send(Topics.FUNDING, new FundingInsufficient(account, 10_000, 0, 0, "EUR", now, 3, java.util.List.of(
                new FundingInsufficient.Blocker("COST_NOT_BOOKABLE", "usd-1",
                        "currency USD is not the account currency EUR (rule IN_ACCOUNT_CURRENCY)"))));
        sources.send(Topics.PAYOUTS, new PayoutsSettled(account, LocalDate.ofInstant(lockAt, ZoneOffset.UTC), lockAt,
                now, 1));
        sources.send(Topics.CONTRACTS, new ContractsExpired(account, now, 1));
        sources.send(Topics.CATALOG, new CatalogsDeleted(account, now, 1));
        await().atMost(PATIENCE).until(() -> waitingOn(account).equals("[\"FUNDING_SUFFICIENT\"]")
                && funding(account).path("blockers").size() == 1);
        JsonNode blocker = funding(account).get("blockers").get(0);
        assertThat(blocker.get("kind").asString()).isEqualTo("COST_NOT_BOOKABLE");
        assertThat(blocker.get("id").asString()).isEqualTo("usd-1");
        assertThat(blocker.get("reason").asString()).contains("USD").contains("EUR");
        assertThat(http.get("/api/v1/closures/" + account, SUPPORT).text("state")).isEqualTo("Preparing");
        assertThat(kafka.events("ClosureRequested", account)).isEmpty();
    }

    private JsonNode funding(String account) {
        var closure = http.get("/api/v1/closures/" + account, SUPPORT);
        if (closure.status() != 200) {
            return json.parse("{}");
        }
        for (JsonNode p : closure.body().get("preconditions")) {
            if (p.get("name").asString().equals("FUNDING_SUFFICIENT")) {
                return p;
            }
        }
        throw new AssertionError("no FUNDING_SUFFICIENT in " + closure.body());
    }

    private String waitingOn(String account) {
        return String.valueOf(http.get("/api/v1/closures/" + account, SUPPORT).body().get("waitingOn"));
    }
}
