package com.brandclosure.localstack;

import java.time.Duration;
import java.util.List;

/** The started services, stopped together: all are asked at once, so the slowest one sets the pace, not the sum. */
final class RunningServices implements AutoCloseable {

    /** Spring's graceful shutdown waits up to 30 s for requests in flight; a little more before a kill. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final List<ServiceProcess> services;

    RunningServices(List<ServiceProcess> services) {
        this.services = List.copyOf(services);
    }

    List<ServiceProcess> all() {
        return services;
    }

    @Override
    public void close() {
        services.forEach(s -> ChildProcesses.askToStop(s.process()));
        for (ServiceProcess s : services) {
            if (!ChildProcesses.awaitStopped(s.process(), STOP_GRACE)) {
                System.out.println("  " + s.spec().module() + " did not stop within " + STOP_GRACE.toSeconds() + " s and was killed");
            }
        }
    }
}
