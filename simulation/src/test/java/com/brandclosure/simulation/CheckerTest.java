package com.brandclosure.simulation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks can fail: wired wrongly on purpose, the simulation finds a seed that breaks the rule the
 * wrong wiring breaks, and its report names the rule, the trace and the replay command.
 */
class CheckerTest {

    private static Simulation.Outcome firstFailure(Services.Variant variant) {
        for (long seed = 1; seed <= 300; seed++) {
            var outcome = Simulation.run(seed, variant);
            if (outcome.failed()) {
                return outcome;
            }
        }
        return null;
    }

    @Test
    void a_saga_that_loses_retractions_deactivates_an_account_the_sources_do_not_allow() {
        var outcome = firstFailure(Services.Variant.SAGA_IGNORES_RETRACTIONS);
        assertNotNull(outcome, "no seed of 300 caught a saga that ignores retracted preconditions");
        assertTrue(outcome.violation().startsWith("safety: AccountDeactivated"), outcome.violation());
        assertTrue(outcome.report().contains("-Dsimulation.seed=" + outcome.seed()), outcome.report());
        assertTrue(outcome.report().contains("closure-orchestrator:summary-events polls"), outcome.report());
    }

    @Test
    void consumers_without_an_inbox_apply_a_redelivered_effect_twice() {
        var outcome = firstFailure(Services.Variant.NO_INBOX_DEDUP);
        assertNotNull(outcome, "no seed of 300 caught a consumer that does not drop redeliveries");
        assertTrue(outcome.violation().startsWith("effect applied twice"), outcome.violation());
    }
}
