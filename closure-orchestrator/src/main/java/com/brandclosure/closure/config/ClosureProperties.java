package com.brandclosure.closure.config;

import com.brandclosure.closure.domain.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the closure orchestrator, under {@code closure.*}. */
@ConfigurationProperties("closure")
public class ClosureProperties {

    /** Time support has for the final review; a review open longer is overdue. */
    private Duration reviewSla = Deadlines.DEFAULTS.review();
    /** Deadlines of the other waiting states ({@link Deadlines}). */
    private final DeadlineSettings deadlines = new DeadlineSettings();
    /** Kafka listener threads for the summary topics; as many as they have partitions. */
    private int consumerConcurrency = 4;
    /** The ops console's view of the other services (README "Ops console"). */
    private final Console console = new Console();
    /** The reconciler's scheduled pass (README "Reconciler"). */
    private final Reconciler reconciler = new Reconciler();

    public Reconciler getReconciler() {
        return reconciler;
    }

    /**
     * {@code closure.reconciler.*}: every {@code interval} (default 15 minutes) the closures in flight ask their
     * sources for state reports again; {@code enabled: false} stops the scheduled pass (the on-demand one,
     * {@code POST /actuator/reconciliation}, still runs).
     */
    public static class Reconciler {
        private boolean enabled = true;
        private Duration interval = Duration.ofMinutes(15);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("closure.reconciler.interval must be positive (set "
                        + "closure.reconciler.enabled=false to stop the scheduled pass); got " + interval);
            }
            this.interval = interval;
        }
    }

    public Duration getReviewSla() {
        return reviewSla;
    }

    public void setReviewSla(Duration reviewSla) {
        this.reviewSla = reviewSla;
    }

    public int getConsumerConcurrency() {
        return consumerConcurrency;
    }

    public void setConsumerConcurrency(int consumerConcurrency) {
        this.consumerConcurrency = consumerConcurrency;
    }

    public Console getConsole() {
        return console;
    }

    /** {@code closure.console.*}: where the console finds the services it aggregates. */
    public static class Console {

        /**
         * Base URL per service name ({@code closure.console.services.contracts-service=http://…}); the
         * orchestrator itself may be left out (then its own port on 127.0.0.1 is used).
         */
        private Map<String, URI> services = new LinkedHashMap<>();
        /** Bound on each call to a service: a slow or dead service shows as unavailable, it never holds the page. */
        private Duration timeout = Duration.ofSeconds(3);

        public Map<String, URI> getServices() {
            return services;
        }

        public void setServices(Map<String, URI> services) {
            this.services = services;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    public DeadlineSettings getDeadlines() {
        return deadlines;
    }

    /** Every waiting state's deadline, the review's from {@code review-sla}. */
    public Deadlines deadlines() {
        return new Deadlines(deadlines.getPreparing(), deadlines.getAfterLockDate(), reviewSla,
                deadlines.getDeactivating(), deadlines.getFinalSettlement());
    }

    /** {@code closure.deadlines.*}: Preparing from the initiation, the others as {@link Deadlines} says. */
    public static class DeadlineSettings {
        private Duration preparing = Deadlines.DEFAULTS.preparing();
        private Duration afterLockDate = Deadlines.DEFAULTS.afterLockDate();
        private Duration deactivating = Deadlines.DEFAULTS.deactivating();
        private Duration finalSettlement = Deadlines.DEFAULTS.finalSettlement();

        public Duration getPreparing() {
            return preparing;
        }

        public void setPreparing(Duration preparing) {
            this.preparing = preparing;
        }

        public Duration getAfterLockDate() {
            return afterLockDate;
        }

        public void setAfterLockDate(Duration afterLockDate) {
            this.afterLockDate = afterLockDate;
        }

        public Duration getDeactivating() {
            return deactivating;
        }

        public void setDeactivating(Duration deactivating) {
            this.deactivating = deactivating;
        }

        public Duration getFinalSettlement() {
            return finalSettlement;
        }

        public void setFinalSettlement(Duration finalSettlement) {
            this.finalSettlement = finalSettlement;
        }
    }
}
