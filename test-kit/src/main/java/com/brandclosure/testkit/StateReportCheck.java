package com.brandclosure.testkit;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every source service keeps with the closure saga's state-report requests, checked
 * against the running service through Kafka: an account the service has never seen is answered with
 * the summary that holds ({@code summaryType}), carrying {@code reportFor} and version 1 of the
 * account's summary stream; asked again, it is answered again with version 2, and the first request
 * stays answered once; asked by the orchestrator's reconciler (reason {@code RECONCILIATION}, under the
 * closure id followed by {@code :reconciliation}), it is answered alike, with version 3.
 */
public final class StateReportCheck {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private StateReportCheck() {
    }

    /** Runs the check with {@code kafka} (which must collect the service's topic); returns the first answer. */
    public static JsonNode neverSeenAccountIsAnsweredTwice(KafkaProbe kafka, String summaryType) {
        String account = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = answer(kafka, account, "CLO-" + account + "-1", summaryType);
        assertThat(first.path("accountId").asString()).isEqualTo(account);
        assertThat(first.path("sourceVersion").asLong()).isEqualTo(1);
        JsonNode second = answer(kafka, account, "CLO-" + account + "-2", summaryType);
        assertThat(second.path("sourceVersion").asLong()).isEqualTo(2);
        assertThat(kafka.reportsFor(account, "CLO-" + account + "-1")).as("the first request is answered once")
                .hasSize(1);
        String reconciliation = "CLO-" + account + "-2:reconciliation";
        JsonNode third = answer(kafka, account, reconciliation, "RECONCILIATION", summaryType);
        assertThat(third.path("sourceVersion").asLong()).isEqualTo(3);
        return first;
    }

    /** Asks for {@code account}'s state report under {@code closureId} and waits for the answer of {@code type}. */
    public static JsonNode answer(KafkaProbe kafka, String account, String closureId, String type) {
        return answer(kafka, account, closureId, "INITIATION", type);
    }

    /** {@link #answer(KafkaProbe, String, String, String)} for a request with {@code reason}. */
    public static JsonNode answer(KafkaProbe kafka, String account, String closureId, String reason, String type) {
        kafka.requestStateReport(account, closureId, reason);
        await(type + " for " + closureId).atMost(PATIENCE).until(() -> !kafka.reportsFor(account, closureId).isEmpty());
        var answer = kafka.reportsFor(account, closureId).getFirst();
        assertThat(answer.getKey()).as(answer.getValue().toString()).isEqualTo(type);
        return answer.getValue();
    }
}
