package com.brandclosure.closure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the closure orchestrator, under {@code closure.*}. */
@ConfigurationProperties("closure")
public class ClosureProperties {

    /** Time support has for the final review; a review open longer is overdue. */
    private Duration reviewSla = Duration.ofDays(2);
    /** Kafka listener threads for the summary topics; as many as they have partitions. */
    private int consumerConcurrency = 4;

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
}
