package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static com.brandclosure.systemtests.RunningSystem.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deactivating: after the approval each of the four services fences the account and confirms it
 * (AccountFenced on its own topic); the saga deactivates once all four have. One service is down
 * during Deactivating: the closure stays Deactivating and names the missing fence; the others
 * already refuse new activity. Once the service is back it fences, and the account is deactivated.
 */
@ExtendWith(RunningSystem.Extension.class)
class DeactivationFenceTest {

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events;

    @Test
    void a_service_down_while_deactivating_delays_the_deactivation_which_completes_after_its_restart()
            throws Exception {
        var brand = new Brand(system, "fence");
        brand.seed(1);
        brand.meetPreconditions();
        events.awaitOne(Topics.CATALOG, brand.account, "CatalogsDeleted");
        events.awaitOne(Topics.PAYOUTS, brand.account, "PayoutsSettled");
        await("funding sufficient").atMost(Events.PATIENCE)
                .until(() -> brand.funding().get("sufficient").asBoolean());
        brand.initiateClosure();
        system.clocks.advance(Duration.ofDays(2));
        long version = brand.awaitClosure("ClosureRequested").get("version").asLong();

        system.kill(CATALOG);
        var approved = brand.approveClosure(TestTokens.support("support-bob"), version);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String ticket = approved.json().get("ticketId").asString();

        // Three services fence and confirm; the closure waits for the fourth and says which.
        for (String topic : java.util.List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING)) {
            assertThat(events.awaitOne(topic, brand.account, "AccountFenced").text("closureId")).isEqualTo(ticket);
        }
        await("the closure names the missing fence").atMost(Events.PATIENCE).untilAsserted(() -> {
            var closure = brand.closure();
            assertThat(closure.get("state").asString()).as(closure.toString()).isEqualTo("Deactivating");
            assertThat(closure.get("missingFences").valueStream().map(n -> n.asString())).containsExactly(CATALOG);
            assertThat(closure.get("fences").propertyNames()).containsExactlyInAnyOrder("contracts-service",
                    "payouts-service", "funding-service");
        });
        // Fenced: contracts refuses a new contract from now on, although the account is not deactivated yet.
        var refused = brand.tryCreateContract("partner-late");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        await("no deactivation without the fourth fence").during(Duration.ofSeconds(3)).atMost(Events.PATIENCE)
                .until(() -> events.all(Topics.CLOSURE, brand.account, "AccountDeactivated").isEmpty()
                        && "Deactivating".equals(brand.closure().get("state").asString()));

        system.start(CATALOG);
        assertThat(events.awaitOne(Topics.CATALOG, brand.account, "AccountFenced").text("service")).isEqualTo(CATALOG);
        var deactivated = events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");
        var settling = brand.awaitClosure("AwaitingFinalSettlement");
        assertThat(deactivated.text("closureDate")).isEqualTo(settling.get("closureDate").asString());
        assertThat(brand.tryCreateCatalog("After the fence").status()).isEqualTo(409);
        assertThat(events.distinct(Topics.CLOSURE, brand.account, "AccountDeactivated")).isEqualTo(1);
        for (String topic : java.util.List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG)) {
            assertThat(events.distinct(topic, brand.account, "AccountFenced")).as(topic).isEqualTo(1);
        }
    }
}
