package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.brandclosure.systemtests.RunningSystem.CATALOG;
import static com.brandclosure.systemtests.RunningSystem.CONTRACTS;
import static com.brandclosure.systemtests.RunningSystem.FUNDING;
import static com.brandclosure.systemtests.RunningSystem.ORCHESTRATOR;
import static com.brandclosure.systemtests.RunningSystem.PAYOUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service at once (README "Scaling out"): they share each service's database and
 * consumer groups. Requests go to either instance; when one instance dies (SIGKILL) while the other is alive,
 * the other takes over its partitions, its share of the outbox and the timers that come due while it is
 * down, and the whole journey completes with nothing lost and nothing applied twice. The killed first
 * instances of payouts, funding and the orchestrator stay down until the end (one instance does the rest).
 */
@ExtendWith(RunningSystem.Extension.class)
class TwoInstancesTest {

    private static final int ACTIONS = 20;

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events;

    @AfterEach
    void backToOneInstanceEach() throws Exception {
        system.startStopped();
        system.stopSecondInstances();
    }

    @Test
    void with_two_instances_of_every_service_the_journey_survives_one_instance_dying_with_nothing_lost_or_doubled()
            throws Exception {
        system.startSecondInstances(List.of(ORCHESTRATOR, CONTRACTS, PAYOUTS, FUNDING, CATALOG));

        var brand = new Brand(system, "twice");
        brand.configureContracts();
        String contractId = brand.createContract("partner-a");
        brand.createCatalog("Only catalog");
        brand.lockingSettings(1);
        brand.openFunding();
        brand.awaitPayoutsKnowsContracts();

        // Any instance answers: the second contracts instance sees what the first one created.
        var viaSecond = system.http.get(system.second(CONTRACTS).baseUrl() + "/api/v1/accounts/" + brand.account
                + "/contracts/" + contractId, brand.admin).ok();
        assertThat(viaSecond.toString()).contains("partner-a");

        // The first payouts instance dies with the conversions arriving; the second takes its partitions.
        Instant at = brand.payoutsNow();
        brand.firstEventAt = at;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= ACTIONS; i++) {
            ids.add("tw-" + i);
            brand.track("tw-" + i, "partner-a", at, at, 100L * i);
        }
        system.kill(PAYOUTS);
        assertThat(system.url(PAYOUTS, "")).isEqualTo(system.second(PAYOUTS).baseUrl());
        await("every conversion tracked once by the surviving instance").atMost(Events.PATIENCE)
                .until(() -> events.distinct(Topics.PAYOUTS, brand.account, "ActionTracked") == ACTIONS);
        var url = system.url(PAYOUTS, "/api/v1/accounts/" + brand.account + "/actions/batch");
        assertThat(system.http.post(url, brand.admin, Map.of("operation", "APPROVE", "actionIds", ids)).ok()
                .get("changed").asInt()).isEqualTo(ACTIONS);
        long costs = ids.stream().mapToLong(id -> 100L * Integer.parseInt(id.substring(3))).sum();

        // The first funding instance dies while following the approvals; the second goes on.
        system.kill(FUNDING);
        await("funding follows every approval once").atMost(Events.PATIENCE).untilAsserted(() ->
                assertThat(brand.funding().get("pendingPartnerCostsMinor").asLong()).isEqualTo(costs));
        brand.depositByCard(100_000);
        await("funding sufficient").atMost(Events.PATIENCE).untilAsserted(() ->
                assertThat(brand.funding().get("sufficient").asBoolean()).isTrue());
        brand.deleteCatalog(brand.catalogIds.getFirst());
        brand.expireAllContracts(true).ok();

        // The first orchestrator instance dies right after the initiation and stays down while the lock date
        // passes: the lock-date timer comes due on the second instance, which requests the closure.
        brand.initiateClosure();
        system.kill(ORCHESTRATOR);
        system.clocks.advance(Duration.ofDays(2));
        events.awaitOne(Topics.CLOSURE, brand.account, "ClosureRequested");
        long version = brand.awaitClosure("ClosureRequested").get("version").asLong();
        var approved = brand.approveClosure(TestTokens.support("support-bob"), version);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");
        brand.awaitClosure("AwaitingFinalSettlement");

        system.clocks.advance(Brand.UNTIL_CLEARED);
        for (String id : ids) {
            brand.awaitActionState(id, "CLEARED");
        }
        await("the partner costs are paid once").atMost(Events.PATIENCE).untilAsserted(() -> {
            var funding = brand.funding();
            assertThat(funding.get("pendingPartnerCostsMinor").asLong()).as(funding.toString()).isZero();
            assertThat(funding.get("balanceMinor").asLong()).isEqualTo(100_000 - costs);
        });
        assertThat(brand.authorizeRefund().status()).isEqualTo(201);
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountClosed");

        for (String type : List.of("ClosureInitiated", "ClosureRequested", "AccountDeactivated", "AccountClosed")) {
            assertThat(events.distinct(Topics.CLOSURE, brand.account, type)).as(type).isEqualTo(1);
        }
        for (String type : List.of("ActionTracked", "ActionApproved", "ActionLocked", "ActionCleared")) {
            events.assertOnePerAction(brand.account, type, ids);
        }
        var refunds = events.awaitCount(Topics.FUNDING, brand.account, "RefundIssued", 1);
        assertThat(events.distinct(Topics.FUNDING, brand.account, "RefundIssued")).isEqualTo(1);
        assertThat(refunds.getFirst().payload().get("amountMinor").asLong()).isEqualTo(100_000 - costs);
    }
}
