package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole journey of the help page, black box: five service processes, one Kafka, one PostgreSQL;
 * HTTP and the ingest topic in, HTTP answers and Kafka events out.
 */
@ExtendWith(RunningSystem.Extension.class)
class ClosureJourneyTest {

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events;

    @Test
    void a_brand_closes_its_account_from_first_step_to_account_closed() {
        var brand = new Brand(system, "journey");
        brand.seed(1);
        String link = brand.createLink(brand.contractIds.getFirst());
        assertThat(brand.click(link).status()).as("a live link redirects to the landing page").isEqualTo(302);

        // Expiring is irreversible: without the acknowledgement nothing happens and the answer says why.
        var unacknowledged = brand.expireAllContracts(false);
        assertThat(unacknowledged.status()).as(unacknowledged.toString()).isEqualTo(422);
        assertThat(unacknowledged.body()).contains("acknowledgeIrreversible");

        brand.meetPreconditions();
        // Required Funding = the approved partner costs (1,000 + 2,000); the reversed 500 is not owed.
        await("funding covers the approved costs").atMost(Events.PATIENCE).untilAsserted(() -> {
            var funding = brand.funding();
            assertThat(funding.get("pendingPartnerCostsMinor").asLong()).as(funding.toString()).isEqualTo(3_000);
            assertThat(funding.get("balanceMinor").asLong()).isEqualTo(10_000);
            assertThat(funding.get("sufficient").asBoolean()).isTrue();
        });
        events.awaitOne(Topics.CATALOG, brand.account, "CatalogsDeleted");
        var settled = events.awaitOne(Topics.PAYOUTS, brand.account, "PayoutsSettled");
        assertThat(settled.text("lastLockDate")).isNotNull();

        var initiated = brand.initiateClosure();
        assertThat(initiated.get("initiatedBy").asString()).isEqualTo(brand.adminName);

        // The contracts expire at 23:59:59 today and the last lock date passes at midnight after
        // tomorrow: two days later every timer involved is due.
        system.clocks.advance(Duration.ofDays(2));
        events.awaitOne(Topics.CONTRACTS, brand.account, "ContractsExpired");
        events.awaitOne(Topics.CLOSURE, brand.account, "ClosureRequested");
        var requested = brand.awaitClosure("ClosureRequested");
        assertThat(requested.get("preconditions")).allSatisfy(p -> assertThat(p.get("holds").asBoolean())
                .as(p.toString()).isTrue());
        assertThat(requested.get("ticketId").asString()).isNotBlank();

        // The brand admin may not review its own closure; support (someone else) approves what it saw.
        assertThat(brand.approveClosure(brand.admin, requested.get("version").asLong()).status()).isEqualTo(403);
        // The approval is sent inside a trace of the test's own (W3C traceparent): README "Traces".
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        var approved = brand.approveClosure(TestTokens.support("support-bob"), requested.get("version").asLong(),
                traceparent);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var deactivated = events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");
        assertThat(com.brandclosure.testkit.KafkaProbe.header(deactivated.record(), "traceparent")).as("AccountDeactivated continues the approval's trace")
                .startsWith("00-" + traceId + "-");
        // That trace through the five services' logs: the orchestrator writes AccountDeactivated to its
        // outbox in it, and the other four apply AccountDeactivated in a span of it.
        await("trace " + traceId + " in every service's log").atMost(Events.PATIENCE).untilAsserted(() -> {
            for (String module : List.of(RunningSystem.ORCHESTRATOR, RunningSystem.CONTRACTS, RunningSystem.PAYOUTS,
                    RunningSystem.FUNDING, RunningSystem.CATALOG)) {
                assertThat(system.service(module).logLinesWith(traceId)).as(module + " log lines of trace " + traceId)
                        .isNotEmpty();
            }
        });
        var afterApproval = brand.awaitClosure("AwaitingFinalSettlement");
        assertThat(afterApproval.get("approvedBy").asString()).isEqualTo("support-bob");

        // After deactivation: links are gone, late actions are rejected, nothing new is accepted.
        events.awaitConsumed("contracts-service", deactivated);
        var click = brand.click(link);
        assertThat(click.status()).as(click.toString()).isEqualTo(410);
        assertThat(click.body()).contains("link expired");
        assertThat(brand.tryCreateContract("partner-late").status()).isEqualTo(409);

        events.awaitConsumed("catalog-service", deactivated);
        assertThat(brand.tryCreateCatalog("After closure").status()).isEqualTo(409);

        events.awaitConsumed("payouts-closure", deactivated);
        var now = brand.payoutsNow();
        brand.track("ord-late", "partner-a", now, now, 700);
        await("ord-late rejected").atMost(Events.PATIENCE).until(() -> events.all(Topics.PAYOUTS, brand.account,
                "ActionRejected").stream().anyMatch(e -> "ord-late".equals(e.text("actionId"))));
        assertThat(events.all(Topics.PAYOUTS, brand.account, "ActionRejected").stream()
                .filter(e -> "ord-late".equals(e.text("actionId"))).map(e -> e.text("reason")))
                .containsOnly("ACCOUNT_CLOSED");
        assertThat(brand.awaitActionState("ord-late", "REJECTED").toString()).contains("ACCOUNT_CLOSED");

        // The refund waits until every approved partner payment has cleared.
        var early = brand.authorizeRefund();
        assertThat(early.status()).as(early.toString()).isEqualTo(422);

        // Clearing date = end of the lock month + 10 days: at most ~41 days after the lock date.
        system.clocks.advance(Brand.UNTIL_CLEARED);
        brand.awaitActionState("ord-1", "CLEARED");
        brand.awaitActionState("ord-2", "CLEARED");
        await("the partner costs are paid").atMost(Events.PATIENCE).untilAsserted(() -> {
            var funding = brand.funding();
            assertThat(funding.get("pendingPartnerCostsMinor").asLong()).as(funding.toString()).isZero();
            assertThat(funding.get("balanceMinor").asLong()).isEqualTo(7_000);
        });

        var refund = brand.authorizeRefund();
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        var issued = events.awaitOne(Topics.FUNDING, brand.account, "RefundIssued");
        assertThat(issued.payload().get("amountMinor").asLong()).isEqualTo(7_000);
        events.awaitOne(Topics.FUNDING, brand.account, "RefundAuthorized");
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountClosed");
        var closed = brand.awaitClosure("AccountClosed");
        assertThat(closed.get("closureDate").asString()).isEqualTo(deactivated.text("closureDate"));

        // Each step happened once, whatever Kafka redelivered.
        for (String type : List.of("ClosureInitiated", "ClosureRequested", "AccountDeactivated", "AccountClosed")) {
            assertThat(events.distinct(Topics.CLOSURE, brand.account, type)).as(type).isEqualTo(1);
        }
        assertThat(brand.contract(brand.contractIds.getFirst()).get("status").asString()).isEqualTo("EXPIRED");

        // Past the retention after AccountClosed (platform.shredding.retention, 90 days) every service deletes the
        // account's data key: its audit trail keeps the history with markers where personal data was.
        system.clocks.advance(Duration.ofDays(91));
        String support = TestTokens.support("support-alice");
        for (String module : List.of(RunningSystem.ORCHESTRATOR, RunningSystem.CONTRACTS, RunningSystem.PAYOUTS,
                RunningSystem.FUNDING, RunningSystem.CATALOG)) {
            await(module + " shreds " + brand.account).atMost(Events.PATIENCE).untilAsserted(() -> {
                String trail = system.http.get(system.url(module, "/api/v1/accounts/" + brand.account + "/audit"),
                        support).ok().toString();
                assertThat(trail).as(module).contains("AccountDataShredded").contains("<shredded>")
                        .doesNotContain(brand.adminName).doesNotContain("enc:v1:");
            });
        }
        assertThat(brand.contract(brand.contractIds.getFirst()).get("partnerId").asString()).isEqualTo("<shredded>");
        assertThat(brand.closure().get("initiatedBy").asString()).isEqualTo("<shredded>");
        assertThat(brand.tryCreateCatalog("After shredding").status()).isEqualTo(410);
    }

    /**
     * The brand funds its account before any cost is approved (the help page allows any order). The
     * balance is then never zero after deactivation, so the closure must wait for the last payments
     * and the refund before AccountClosed.
     */
    @Test
    void money_deposited_before_the_costs_were_approved_is_refunded() {
        var brand = new Brand(system, "funded-early");
        brand.seed(1);
        brand.depositByCard(10_000);
        await("deposit credited").atMost(Events.PATIENCE)
                .until(() -> brand.funding().get("balanceMinor").asLong() == 10_000);
        brand.meetPreconditions(false);
        await("funding covers the approved costs").atMost(Events.PATIENCE).untilAsserted(() -> {
            var funding = brand.funding();
            assertThat(funding.get("pendingPartnerCostsMinor").asLong()).as(funding.toString()).isEqualTo(3_000);
            assertThat(funding.get("sufficient").asBoolean()).isTrue();
        });
        brand.initiateClosure();
        system.clocks.advance(Duration.ofDays(2));
        long version = brand.awaitClosure("ClosureRequested").get("version").asLong();
        assertThat(brand.approveClosure(TestTokens.support("support-alice"), version).status()).isEqualTo(200);
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");

        // 10,000 on the account, 3,000 not yet paid: the account is not closed before the refund.
        await("waiting for the final settlement").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    var c = brand.closure();
                    assertThat(c.get("state").asString()).as(c.toString()).isEqualTo("AwaitingFinalSettlement");
                    assertThat(events.distinct(Topics.CLOSURE, brand.account, "AccountClosed")).isZero();
                });

        system.clocks.advance(Brand.UNTIL_CLEARED);
        await("the partner costs are paid").atMost(Events.PATIENCE)
                .until(() -> brand.funding().get("pendingPartnerCostsMinor").asLong() == 0);
        assertThat(brand.authorizeRefund().status()).isEqualTo(201);
        assertThat(events.awaitOne(Topics.FUNDING, brand.account, "RefundIssued").payload().get("amountMinor")
                .asLong()).isEqualTo(7_000);
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountClosed");
        brand.awaitClosure("AccountClosed");
    }
}
