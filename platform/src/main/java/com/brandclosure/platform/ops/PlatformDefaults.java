package com.brandclosure.platform.ops;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Defaults every service shares, at the lowest precedence (a service's application.yml or the
 * command line override them): what actuator exposes (never heapdump, env, shutdown or
 * threaddump), the liveness/readiness groups and the DEGRADED status, the health details shown to OPS only,
 * Flyway applying a late platform migration, HTTP latency histograms, exemplars only where any Prometheus takes them, the API document's error responses and
 * the trace sampling.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("management.endpoints.web.exposure.include",
                "health,info,prometheus,metrics,outbox,deadletters,parked,timers,closures,reconciliation");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,kafka,outbox,timers");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        // DEGRADED (PlatformHealth): a dependency is impaired but the instance serves; it ranks
        // below DOWN, above UP, and answers 200 so the instance stays in readiness.
        defaults.put("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN");
        defaults.put("management.endpoint.health.status.http-mapping.DEGRADED", "200");
        defaults.put("management.endpoint.health.roles", "OPS");
        defaults.put("management.info.git.mode", "simple");
        defaults.put("management.info.java.enabled", "true");
        // Platform migrations (V1..V99) and a service's own (V100+) touch different tables: a new
        // platform migration arriving after a service's V100+ ran must still apply.
        defaults.put("spring.flyway.out-of-order", "true");
        // Buckets for the request-latency quantiles of the dashboard (histogram_quantile over *_bucket).
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // Exemplars (trace ids on samples) only where every Prometheus accepts them: counters and histogram buckets.
        // Micrometer also puts them on summaries' and histograms' _count, which Prometheus before 2.43 (Debian's
        // prometheus package is 2.42) refuses by dropping the whole scrape ("does not support exemplars").
        defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
                "false");
        // The API document's error responses come from PlatformOperationCustomizer (per operation, as problem
        // details), not from springdoc copying every @ExceptionHandler onto every operation.
        defaults.put("springdoc.override-with-generic-response", "false");
        // Traces (README "Traces"): every unit of work is sampled, so its trace id is in every log line and
        // on the events it causes. Spans are exported only when an OTLP endpoint is set
        // (management.opentelemetry.tracing.export.otlp.endpoint); none is set by default.
        defaults.put("management.tracing.sampling.probability", "1.0");
        environment.getPropertySources().addLast(new MapPropertySource("platformDefaults", defaults));
    }
}
