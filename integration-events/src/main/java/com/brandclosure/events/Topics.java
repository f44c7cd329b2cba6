package com.brandclosure.events;

/** Kafka topic names. Every topic is keyed by brand account id so one account's events stay ordered. */
public final class Topics {
    /** contracts-service's events ({@link ContractsEvent}). */
    public static final String CONTRACTS = "contracts.events";
    /** payouts-service's events ({@link PayoutsEvent}). */
    public static final String PAYOUTS = "payouts.events";
    /** funding-service's events ({@link FundingEvent}). */
    public static final String FUNDING = "funding.events";
    /** catalog-service's events ({@link CatalogEvent}). */
    public static final String CATALOG = "catalog.events";
    /** closure-orchestrator's events ({@link ClosureEvent}). */
    public static final String CLOSURE = "closure.events";
    /** Tracked conversions published by tracking systems ({@link ConversionTracked}); payouts-service consumes it. */
    public static final String ACTIONS_INGEST = "payouts.actions-ingest";
    /** Suffix of each topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
