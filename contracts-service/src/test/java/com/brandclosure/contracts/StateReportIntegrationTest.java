package com.brandclosure.contracts;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.KafkaProbe;
import com.brandclosure.testkit.RealInfrastructure;
import com.brandclosure.testkit.StateReportCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;


/**
 * The closure saga's state-report request (real Kafka + PostgreSQL) for an account this service
 * has never seen: answered with ContractsExpired carrying {@code reportFor} and the first version of the
 * account's summary stream; asked again, answered again with the next version. Same context
 * configuration as {@link ContractsIntegrationTest}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.timers.polling-interval=200ms")
@RealInfrastructure(database = "contracts_it")
@Import(TestClock.Config.class)
class StateReportIntegrationTest {

    private static KafkaProbe kafka;

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(Topics.CONTRACTS);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @Test
    void a_never_seen_account_is_answered_with_the_summary_that_holds() {
        StateReportCheck.neverSeenAccountIsAnsweredTwice(kafka, "ContractsExpired");
    }
}
