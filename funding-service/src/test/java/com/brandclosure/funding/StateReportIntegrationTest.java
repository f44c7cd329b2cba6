package com.brandclosure.funding;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.StateReportCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

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
        var answer = StateReportCheck.neverSeenAccountIsAnsweredTwice(kafka, "FundingSufficient");
        assertThat(answer.path("balanceMinor").asLong()).isZero();
        assertThat(answer.path("requiredMinor").asLong()).as("nothing owed").isZero();
        // No currency was decided nor opened: none is reported (not ISO 4217's XXX).
        assertThat(answer.get("currency") == null || answer.get("currency").isNull())
                .as("currency of a never-opened account: %s", answer.get("currency")).isTrue();
    }
}
