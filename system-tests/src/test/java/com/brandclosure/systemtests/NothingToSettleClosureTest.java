package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a brand with no contracts, actions, catalogs or funding account (it never set anything
 * up) closes all the same. Its sources have never published a summary of it: the state reports the
 * initiation asks for are the only word they say, and they say every precondition holds. Then a
 * rejected review is asked for again and reopens with fresh reports. Black box, five processes.
 */
@ExtendWith(RunningSystem.Extension.class)
class NothingToSettleClosureTest {

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events;

    static final Map<String, String> ANSWERS = Map.of(Topics.CONTRACTS, "ContractsExpired",
            Topics.PAYOUTS, "PayoutsSettled", Topics.FUNDING, "FundingSufficient", Topics.CATALOG, "CatalogsDeleted");

    @Test
    void a_brand_with_nothing_to_settle_reaches_closure_requested_and_a_rejected_review_can_be_asked_again() {
        var brand = new Brand(system, "empty");
        var initiated = brand.initiateClosure();
        String closureId = initiated.path("stateReports").path("closureId").asString();
        assertThat(closureId).as(initiated.toString()).isNotBlank();
        var request = events.awaitOne(Topics.CLOSURE, brand.account, "StateReportRequested");
        assertThat(request.text("closureId")).isEqualTo(closureId);
        assertThat(request.text("reason")).isEqualTo("INITIATION");

        // Nothing but the clocks passing.
        system.clocks.advance(Duration.ofDays(1));
        var requested = brand.awaitClosure("ClosureRequested");
        assertThat(requested.get("preconditions")).allSatisfy(p -> assertThat(p.get("holds").asBoolean())
                .as(p.toString()).isTrue());
        assertThat(requested.path("stateReports").path("missing")).as(requested.toString()).isEmpty();
        ANSWERS.forEach((topic, type) -> {
            var answer = events.awaitOne(topic, brand.account, type);
            assertThat(answer.text("reportFor")).as(type).isEqualTo(closureId);
            assertThat(answer.payload().get("sourceVersion").asLong()).as(type).isEqualTo(1);
        });

        // A review may only be asked for after a rejection.
        var tooEarly = brand.requestReview();
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
        assertThat(brand.rejectClosure(TestTokens.support("support-carol"), List.of("ticket incomplete")).status())
                .isEqualTo(200);
        var rejected = brand.awaitClosure("Preparing");
        assertThat(rejected.path("forecast").path("open")).hasSize(4);

        var again = brand.requestReview();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        var reopened = brand.awaitClosure("ClosureRequested");
        // One id for the closure: its reports, every review's ticket (and the fences).
        assertThat(requested.get("ticketId").asString()).isEqualTo(closureId);
        assertThat(reopened.get("ticketId").asString()).isEqualTo(closureId);
        assertThat(reopened.path("stateReports").path("reason").asString()).isEqualTo("REVIEW_REQUESTED");
        // The review reopened only once the four fresh reports were in.
        assertThat(reopened.path("stateReports").path("missing")).as(reopened.toString()).isEmpty();
        var requests = events.all(Topics.CLOSURE, brand.account, "StateReportRequested");
        assertThat(requests.stream().map(e -> e.text("reason")).filter(r -> !r.equals("RECONCILIATION")).distinct())
                .containsExactlyInAnyOrder("INITIATION", "REVIEW_REQUESTED");
        // The reconciler asks too, on its own schedule (the clocks moved past its interval), under its own id.
        assertThat(requests.stream().filter(e -> e.text("reason").equals("RECONCILIATION")).map(e -> e.text("closureId")))
                .allMatch(id -> id.equals(closureId + ":reconciliation"));
    }
}
