package com.brandclosure.closure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the closure orchestrator, under {@code closure.*}. */
@ConfigurationProperties("closure")
public class ClosureProperties {

    /** Time support has for the final review; a review open longer is overdue. */
    private Duration reviewSla = Duration.ofDays(2);
    /** Kafka listener threads for the summary topics; as many as they have partitions. */
    private int consumerConcurrency = 4;
    /** The ops console's view of the other services (README "Ops console"). */
    private final Console console = new Console();

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
}
