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
     * can look at what the demo left behind. A walkthrough that cannot run on this stack (e.g. its brand
     * exists already) throws {@link NotRun}: the launcher says why and keeps the stack running, and never
     * prints "Demo finished". Any other exception is a failed demo: the launcher says "Demo failed", stops
     * the stack and {@code run.sh} exits non-zero.
     *
     * @param stack where everything is (service URLs, Kafka, PostgreSQL)
     * @param out   the launcher's console
     */
    void run(StackEndpoints stack, PrintStream out) throws Exception;

    /** The walkthrough did not start its steps on this stack; the message says why and what to do. */
    final class NotRun extends Exception {
        public NotRun(String why) {
            super(why);
        }
    }

    /** Thrown by the launcher around any other failure of {@link #run}: the demo started and did not finish. */
    final class Failed extends Exception {
        public Failed(String name, Exception cause) {
            super("demo '" + name + "' failed: " + cause.getMessage(), cause);
        }
    }

    /**
     * Runs {@code demo} and says how it ended: "Demo finished" only when {@link #run} returned normally.
     *
     * @return true if the demo finished, false if it did not run ({@link NotRun})
     * @throws Failed if it started and failed
     */
    static boolean runAndReport(DemoJourney demo, StackEndpoints stack, PrintStream out) throws Failed {
        out.println("Running demo: " + demo.name());
        try {
            demo.run(stack, out);
        } catch (NotRun e) {
            out.println("Demo not run: " + e.getMessage());
            out.println("The stack keeps running. Ctrl-C stops it.");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(demo.name(), e);
        } catch (Exception e) {
            throw new Failed(demo.name(), e);
        }
        out.println("Demo finished; the stack keeps running. Ctrl-C stops it.");
        return true;
    }
}
