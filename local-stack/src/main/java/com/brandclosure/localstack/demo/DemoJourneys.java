package com.brandclosure.localstack.demo;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the registered {@link DemoJourney} (see its javadoc for how to register one). */
public final class DemoJourneys {

    /** {@code ./run.sh --demo} exits with this while no walkthrough is registered. */
    public static final int NOT_IMPLEMENTED_EXIT_CODE = 3;

    public static final String NOT_IMPLEMENTED_MESSAGE = """
            No demo walkthrough (./run.sh --demo) is on the classpath: no DemoJourney is registered.
            It plugs in as an implementation of com.brandclosure.localstack.demo.DemoJourney listed in
            local-stack/src/main/resources/META-INF/services/com.brandclosure.localstack.demo.DemoJourney
            (see docs/local-stack.md). Nothing was started. Run ./run.sh without --demo to start the stack.""";

    private DemoJourneys() {
    }

    /** The registered walkthrough, if any; more than one is a build mistake and fails. */
    public static Optional<DemoJourney> registered() {
        return registered(Thread.currentThread().getContextClassLoader());
    }

    /** The walkthrough registered for {@code classLoader} (tests pass one that sees a services file of their own). */
    public static Optional<DemoJourney> registered(ClassLoader classLoader) {
        List<DemoJourney> found = ServiceLoader.load(DemoJourney.class, classLoader).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("more than one DemoJourney registered: "
                    + found.stream().map(d -> d.getClass().getName()).toList());
        }
        return found.stream().findFirst();
    }
}
