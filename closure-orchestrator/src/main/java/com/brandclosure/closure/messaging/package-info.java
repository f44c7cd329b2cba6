/**
 * Kafka in and out. Invariants:
 * <ul>
 *   <li>In: one batch listener, {@link com.brandclosure.closure.messaging.SummaryEventsListener}, hands each poll
 *       to its {@code InboundBatches} subscription ("summary-events"); the summaries and the sources' fence
 *       confirmations ({@code AccountFenced}, counted only from the topic of the service they name) become saga commands
 *       ({@link com.brandclosure.closure.messaging.SummaryEvents}) and nothing here calls the inbox.</li>
 *   <li>Out: {@link com.brandclosure.closure.messaging.ClosurePublications} is the service's one {@code Publication}:
 *       stored saga events become closure integration events carrying the stored event's id. The one integration
 *       event that announces no stored event, the reconciler's {@code StateReportRequested} ({@code RECONCILIATION}),
 *       is staged by {@code application.Reconciliation} with fresh metadata ({@code Work.publish}).</li>
 * </ul>
 */
package com.brandclosure.closure.messaging;
