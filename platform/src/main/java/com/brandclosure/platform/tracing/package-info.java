/**
 * Traces across the outbox and Kafka (README "Traces").
 * <p>
 * Micrometer Tracing over the OpenTelemetry SDK (Boot's auto-configuration) makes the spans: an HTTP
 * request's server span, and the spans {@link com.brandclosure.platform.inbox.InboundBatches} opens for
 * the records it applies. What Boot cannot see is the hop through the outbox: a row is written in one
 * process and sent later by the relay's own thread. So the W3C {@code traceparent} of the span that was
 * current when the unit of work staged its integration events is stored with the outbox row, the relay
 * sends it as the Kafka header {@code traceparent}, and the consumer opens its span as a child of it:
 * the log lines (Boot puts {@code traceId}/{@code spanId} in the MDC) and the events it causes carry the
 * same trace id in every service.
 * <p>
 * A batch consumer applies a whole poll in one unit of work, but each account's records in a span of
 * their own: the account's first record's trace is the parent, the other records' traces of that account
 * (a poll may hold records of several journeys) are span links, and the events the account's handling
 * publishes carry that span's traceparent. Choosing the first record as parent keeps one closure one
 * trace in the common case (an account's records in a poll usually come from the same journey) while
 * the links keep the other causes reachable. Timers start no trace of their own here: events a timer
 * causes carry the current span if there is one, and otherwise none (the consumer then starts a fresh
 * trace).
 * <p>
 * The traceparent is written and read here (W3C format, {@link com.brandclosure.platform.tracing.Traces})
 * rather than through Boot's propagator bean, which Boot creates only while
 * {@code management.tracing.export.enabled} is true (the default): the outbox and the consumers keep the
 * trace whatever that switch says. Span export itself is off until an OTLP endpoint is set
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}).
 */
package com.brandclosure.platform.tracing;
