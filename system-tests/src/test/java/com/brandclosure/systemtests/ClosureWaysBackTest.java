package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ways a closure goes back or stops (design §4), each on its own brand, sharing the running services.
 * <p>
 * Each brand is prepared the same way up to AwaitingLockDate: lock date three days after the
 * conversions (it passes at midnight four days later), contracts expired at the end of day 0, clocks
 * moved one day so ContractsExpired holds while the lock date is still ahead.
 */
@ExtendWith(RunningSystem.Extension.class)
class ClosureWaysBackTest {

    private static final int LOCK_DAYS = 3;

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events;

    private Brand awaitingLockDate(String name, boolean fundByAch) {
        var brand = new Brand(system, name);
        brand.seed(LOCK_DAYS);
        if (fundByAch) {
            // ACH money counts only once the bank cleared it; 10,000 covers the 3,000 approved below.
            String ach = brand.deposit("ACH", 10_000);
            brand.clearDeposit(ach);
            brand.achDepositId = ach;
        }
        brand.meetPreconditions(!fundByAch);
        brand.initiateClosure();
        system.clocks.advance(Duration.ofDays(1));
        var waiting = brand.awaitClosure("AwaitingLockDate");
        // The saga waits for the lock date payouts named: LOCK_DAYS after the day of the conversions (UTC).
        LocalDate lockDate = LocalDate.ofInstant(brand.firstEventAt, ZoneOffset.UTC).plusDays(LOCK_DAYS);
        assertThat(waiting.get("lastLockDate").asString()).as(waiting.toString()).isEqualTo(lockDate.toString());
        return brand;
    }

    private static boolean holds(JsonNode closure, String precondition) {
        for (JsonNode p : closure.get("preconditions")) {
            if (p.get("name").asString().equals(precondition)) {
                return p.get("holds").asBoolean();
            }
        }
        throw new AssertionError("no precondition " + precondition + " in " + closure);
    }

    @Test
    void a_new_pending_action_after_payouts_settled_sends_the_closure_back_to_preparing() {
        var brand = awaitingLockDate("pending-again", false);
        events.awaitOne(Topics.PAYOUTS, brand.account, "PayoutsSettled");

        // A conversion of day 0 (inside the contract's terms then) reported late, now.
        brand.track("ord-4", "partner-a", brand.firstEventAt, brand.payoutsNow(), 800);
        brand.awaitActionState("ord-4", "PENDING");
        events.awaitOne(Topics.PAYOUTS, brand.account, "PayoutsPending");
        var back = brand.awaitClosure("Preparing");
        assertThat(holds(back, "PAYOUTS_SETTLED")).isFalse();
        events.awaitOne(Topics.CLOSURE, brand.account, "PreconditionRetracted");

        // Deciding it settles payouts again, and the closure goes forward again.
        brand.approve("ord-4");
        brand.awaitClosure("AwaitingLockDate");
    }

    @Test
    void a_failed_ach_deposit_makes_funding_insufficient_again() {
        var brand = awaitingLockDate("ach-fails", true);
        var funding = brand.failDeposit(brand.achDepositId, "R01 insufficient funds");
        assertThat(funding.get("sufficient").asBoolean()).as(funding.toString()).isFalse();

        events.awaitOne(Topics.FUNDING, brand.account, "DepositFailed");
        events.awaitOne(Topics.FUNDING, brand.account, "FundingInsufficient");
        var back = brand.awaitClosure("Preparing");
        assertThat(holds(back, "FUNDING_SUFFICIENT")).isFalse();
    }

    @Test
    void a_catalog_created_during_the_wait_sends_the_closure_back_to_preparing() {
        var brand = awaitingLockDate("catalog-again", false);
        brand.createCatalog("Forgotten collection");

        events.awaitOne(Topics.CATALOG, brand.account, "CatalogsPresent");
        var back = brand.awaitClosure("Preparing");
        assertThat(holds(back, "CATALOGS_DELETED")).isFalse();
    }

    @Test
    void a_later_lock_date_moves_the_timer() {
        var brand = awaitingLockDate("later-lock", false);
        LocalDate firstLockDate = LocalDate.parse(brand.closure().get("lastLockDate").asString());

        // A longer locking period from now on, and one more conversion of day 0 reported late: its
        // lock date is day 0 + 10, later than the one the saga waits for.
        brand.lockingSettings(10);
        brand.track("ord-5", "partner-b", brand.firstEventAt, brand.payoutsNow(), 400);
        brand.awaitActionState("ord-5", "PENDING");
        brand.approve("ord-5");
        await("the saga waits for the later lock date").atMost(Events.PATIENCE).untilAsserted(() -> {
            var c = brand.closure();
            assertThat(c.get("state").asString()).as(c.toString()).isEqualTo("AwaitingLockDate");
            assertThat(LocalDate.parse(c.get("lastLockDate").asString())).isAfter(firstLockDate);
        });
        LocalDate laterLockDate = LocalDate.parse(brand.closure().get("lastLockDate").asString());

        // Past the first lock date (the first actions lock) but before the later one: no request yet.
        system.clocks.advance(Duration.ofDays(LOCK_DAYS + 1));
        brand.awaitActionState("ord-1", "LOCKED");
        await("still waiting").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(brand.closure().get("state").asString()).isEqualTo("AwaitingLockDate");
            assertThat(events.distinct(Topics.CLOSURE, brand.account, "ClosureRequested")).isZero();
        });

        system.clocks.advance(Duration.ofDays(7));
        events.awaitOne(Topics.CLOSURE, brand.account, "ClosureRequested");
        var requested = brand.awaitClosure("ClosureRequested");
        assertThat(requested.get("lastLockDate").asString()).isEqualTo(laterLockDate.toString());
    }

    @Test
    void support_rejects_the_final_review() {
        var brand = awaitingLockDate("rejected", false);
        system.clocks.advance(Duration.ofDays(LOCK_DAYS));
        brand.awaitClosure("ClosureRequested");

        var rejected = brand.rejectClosure(TestTokens.support("support-alice"),
                List.of("an open dispute with partner-b must be settled first"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        events.awaitOne(Topics.CLOSURE, brand.account, "FinalReviewRejected");
        var back = brand.awaitClosure("Preparing");
        assertThat(back.get("rejectionReasons").toString()).contains("open dispute");
    }

    @Test
    void an_approval_with_stale_evidence_is_refused_with_409() {
        var brand = awaitingLockDate("stale", false);
        system.clocks.advance(Duration.ofDays(LOCK_DAYS));
        long seen = brand.awaitClosure("ClosureRequested").get("version").asLong();

        // The reviewer looks at version `seen`; meanwhile a catalog comes and goes: the closure went
        // back to Preparing and forward again, so what the reviewer saw is no longer the evidence.
        String catalog = brand.createCatalog("Last-minute catalog");
        brand.awaitClosure("Preparing");
        brand.deleteCatalog(catalog);
        await("requested again").atMost(Events.PATIENCE).untilAsserted(() -> {
            var c = brand.closure();
            assertThat(c.get("state").asString()).as(c.toString()).isEqualTo("ClosureRequested");
            assertThat(c.get("version").asLong()).isGreaterThan(seen);
        });

        var stale = brand.approveClosure(TestTokens.support("support-alice"), seen);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(events.distinct(Topics.CLOSURE, brand.account, "AccountDeactivated")).isZero();

        long current = brand.closure().get("version").asLong();
        var approved = brand.approveClosure(TestTokens.support("support-alice"), current);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        events.awaitOne(Topics.CLOSURE, brand.account, "AccountDeactivated");
    }

    @Test
    void the_brand_cancels() {
        var brand = awaitingLockDate("cancelled", false);
        var cancelled = brand.cancelClosure("We found a new partnership model");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        events.awaitOne(Topics.CLOSURE, brand.account, "ClosureCancelled");
        var c = brand.awaitClosure("ClosureCancelled");
        assertThat(c.get("cancelledBy").asString()).isEqualTo(brand.adminName);

        // The lock date passing no longer requests anything.
        system.clocks.advance(Duration.ofDays(LOCK_DAYS));
        brand.awaitActionState("ord-1", "LOCKED");
        await("nothing requested").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(brand.closure().get("state").asString()).isEqualTo("ClosureCancelled");
            assertThat(events.distinct(Topics.CLOSURE, brand.account, "ClosureRequested")).isZero();
        });
    }
}
