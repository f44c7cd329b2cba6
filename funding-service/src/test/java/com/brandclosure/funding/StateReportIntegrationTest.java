package com.brandclosure.funding;

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
 * has never seen: answered with FundingSufficient carrying {@code reportFor} and the first version of the
 * account's summary stream; asked again, answered again with the next version. Same context
 * configuration as {@link FundingIntegrationTest}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.timers.polling-interval=200ms", "platform.consumer.retry-backoff=50ms"})
@RealInfrastructure(database = "funding_it")
@Import(FundingIntegrationTest.TestClock.class)
class StateReportIntegrationTest {

    private static KafkaProbe kafka;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.FUNDING);
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
        assertThat(answer.getKey()).isEqualTo("FundingSufficient");
        assertThat(answer.getValue().path("accountId").asString()).isEqualTo(account);
        assertThat(answer.getValue().path("sourceVersion").asLong()).isEqualTo(1);
        assertThat(answer.getValue().path("balanceMinor").asLong()).isZero();
        assertThat(answer.getValue().path("requiredMinor").asLong()).as("nothing owed").isZero();

        String review = "CLO-" + account + "-2";
        kafka.requestStateReport(account, review);
        await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.reportsFor(account, review).isEmpty());
        var again = kafka.reportsFor(account, review).getFirst();
        assertThat(again.getKey()).isEqualTo("FundingSufficient");
        assertThat(again.getValue().path("sourceVersion").asLong()).isEqualTo(2);
        assertThat(kafka.reportsFor(account, closureId)).as("the first request is answered once").hasSize(1);
    }
}
