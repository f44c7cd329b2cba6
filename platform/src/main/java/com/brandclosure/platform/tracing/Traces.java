package com.brandclosure.platform.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The platform's one way to read the current trace as a W3C {@code traceparent} and to continue a
 * trace from one (see package-info). Without a tracer ({@link #none()}) nothing is recorded or opened.
 */
public final class Traces {

    /** The Kafka header (and outbox column) that carries the cause's traceparent. */
    public static final String HEADER = "traceparent";

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer == null ? Tracer.NOOP : tracer;
    }

    /** No tracing: {@link #current()} is null and {@link #continueFrom} opens nothing. */
    public static Traces none() {
        return new Traces(Tracer.NOOP);
    }

    /** The traceparent of the current span, or null when no span is current. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : format(span.context());
    }

    /**
     * Opens a span named {@code name} as a child of {@code parent} (a traceparent; null or invalid: a new
     * trace), linked to each of {@code links} (invalid ones and the parent itself skipped), and makes it
     * current until {@link Continued#close}.
     */
    public Continued continueFrom(String name, String parent, Collection<String> links) {
        Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.CONSUMER);
        TraceContext parentContext = parse(parent);
        if (parentContext != null) {
            builder.setParent(parentContext);
        } else {
            builder.setNoParent();
        }
        for (String link : links) {
            TraceContext linked = link == null || link.equals(parent) ? null : parse(link);
            if (linked != null) {
                builder.addLink(new Link(linked));
            }
        }
        Span span = builder.start();
        return new Continued(span, tracer.withSpan(span));
    }

    /** A continued trace's span, current until closed (then ended). */
    public final class Continued implements AutoCloseable {
        private final Span span;
        private final Tracer.SpanInScope scope;

        private Continued(Span span, Tracer.SpanInScope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** This span's traceparent (null without a tracer). */
        public String traceparent() {
            return span.isNoop() ? null : format(span.context());
        }

        /** Marks the span failed (the failure is still thrown by the caller). */
        public void failed(Throwable t) {
            span.error(t);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    /** The W3C traceparent of {@code context}. */
    public static String format(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || traceId.length() != 32 || spanId.length() != 16
                || INVALID_TRACE.equals(traceId) || INVALID_SPAN.equals(spanId)) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** The trace id of a traceparent, or null if it is not a valid one. */
    public static String traceIdOf(String traceparent) {
        var m = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
        return m != null && m.matches() && !INVALID_TRACE.equals(m.group(1)) ? m.group(1) : null;
    }

    private TraceContext parse(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || INVALID_TRACE.equals(m.group(1)) || INVALID_SPAN.equals(m.group(2))) {
            return null;
        }
        boolean sampled = (Integer.parseInt(m.group(3), 16) & 1) == 1;
        return tracer.traceContextBuilder().traceId(m.group(1)).spanId(m.group(2)).sampled(sampled).build();
    }
}
