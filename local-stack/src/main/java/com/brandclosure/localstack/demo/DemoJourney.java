package com.brandclosure.localstack.demo;

import java.io.PrintStream;

/**
 * The walkthrough behind {@code ./run.sh --demo}: runs once the whole local stack answers, seeds a
 * brand and drives it through the closure over the services' HTTP APIs, printing each step.
 * <p>
 * Registration point: an implementation is found with {@link java.util.ServiceLoader}, so adding one
 * is a class in this module plus its name in
 * {@code src/main/resources/META-INF/services/com.brandclosure.localstack.demo.DemoJourney}. Exactly
 * one may be registered. Until one is, {@code --demo} says so and exits with
 * {@link DemoJourneys#NOT_IMPLEMENTED_EXIT_CODE} before starting anything.
 */
public interface DemoJourney {

    /** Shown in the launcher's output ("Running demo: ..."). */
    String name();

    /**
     * Runs the walkthrough against the running stack. The stack keeps running afterwards, so the user
     * can look at what the demo left behind; a thrown exception stops the stack and {@code run.sh}
     * exits non-zero.
     *
     * @param stack where everything is (service URLs, Kafka, PostgreSQL)
     * @param out   the launcher's console
     */
    void run(StackEndpoints stack, PrintStream out) throws Exception;
}
