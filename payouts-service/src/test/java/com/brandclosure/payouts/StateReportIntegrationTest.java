package com.brandclosure.payouts;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The closure saga's state-report request (real Kafka + PostgreSQL) for an account this service
 * has never seen: answered with PayoutsSettled carrying {@code reportFor} and the first version of the
 * account's summary stream; asked again, answered again with the next version. Same context
 * configuration as {@link PayoutsIntegrationTest}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "payouts_it")
@Import(PayoutsIntegrationTest.TestClock.class)
class StateReportIntegrationTest {

    private static KafkaProbe kafka;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.PAYOUTS);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @Test
    void a_never_seen_account_is_answered_with_the_summary_that_holds() {
        String account = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        String closureId = "CLO-" + account + "-1";
        kafka.requestStateReport(account, closureId);
        await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.reportsFor(account, closureId).isEmpty());
        var answer = kafka.reportsFor(account, closureId).getFirst();
        assertThat(answer.getKey()).isEqualTo("PayoutsSettled");
        assertThat(answer.getValue().path("accountId").asString()).isEqualTo(account);
        assertThat(answer.getValue().path("sourceVersion").asLong()).isEqualTo(1);
        assertThat(answer.getValue().path("lastLockDate").isNull()).as("no action, no contract: no lock date ahead").isTrue();

        String review = "CLO-" + account + "-2";
        kafka.requestStateReport(account, review);
        await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.reportsFor(account, review).isEmpty());
        var again = kafka.reportsFor(account, review).getFirst();
        assertThat(again.getKey()).isEqualTo("PayoutsSettled");
        assertThat(again.getValue().path("sourceVersion").asLong()).isEqualTo(2);
        assertThat(kafka.reportsFor(account, closureId)).as("the first request is answered once").hasSize(1);
    }
}
