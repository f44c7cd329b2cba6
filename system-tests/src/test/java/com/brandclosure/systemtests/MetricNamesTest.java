package com.brandclosure.systemtests;

import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules query is one a running service
 * exports: the five services' {@code /actuator/prometheus} are scraped (as OPS, like Prometheus) after
 * a little traffic (HTTP requests on each service, a closure initiated) and each metric name in the
 * dashboard's and the rules' PromQL must be in at least one scrape.
 */
@ExtendWith(RunningSystem.Extension.class)
class MetricNamesTest {

    /**
     * Queried by the alert rules before any service exports them (none now: closure_drift_total, the last, is
     * exported by the orchestrator's reconciler). Keep this minimal; once a name is exported the test fails
     * until it is removed from here.
     */
    static final Set<String> PENDING = Set.of();
    /** Made by Prometheus itself for every scrape target, never by a service. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private final RunningSystem system = RunningSystem.get();
    private final Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();

    @Test
    void every_metric_of_the_dashboard_and_the_alert_rules_is_exported_by_a_service() throws IOException {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        dashboardExpressions().forEach(e -> metricNames(e).forEach(n ->
                usedBy.computeIfAbsent(n, k -> new TreeSet<>()).add("dashboard")));
        ruleExpressions().forEach((file, expressions) -> expressions.forEach(e -> metricNames(e).forEach(n ->
                usedBy.computeIfAbsent(n, k -> new TreeSet<>()).add(file))));
        assertThat(usedBy).as("metrics the dashboard and the rules use").containsKeys("outbox_publish_lag_seconds",
                "http_server_requests_seconds_bucket", "closures_by_state", "deadletters_total");

        traffic();
        Set<String> wanted = new TreeSet<>(usedBy.keySet());
        wanted.removeAll(PENDING);
        wanted.removeAll(PROMETHEUS_OWN);
        // Some series appear only after traffic has reached them (HTTP histograms, consumer lag, transitions).
        await("every used metric exported").atMost(Events.PATIENCE).untilAsserted(() -> {
            Map<String, Set<String>> exported = exported();
            Set<String> all = new TreeSet<>();
            exported.values().forEach(all::addAll);
            Map<String, Set<String>> missing = new TreeMap<>();
            wanted.stream().filter(n -> !all.contains(n)).forEach(n -> missing.put(n, usedBy.get(n)));
            assertThat(missing).as("metric names used but exported by no service (name -> where used)").isEmpty();
            assertThat(PENDING.stream().filter(all::contains).toList())
                    .as("pending names that are now exported: remove them from PENDING").isEmpty();
        });
    }

    @Test
    void the_tokenizer_keeps_metric_names_and_drops_functions_keywords_labels_and_durations() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (service, le) (rate(http_server_requests_seconds_bucket"
                + "{uri!~\"/actuator.*\",status=~\"[45]..\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("max by (service) (outbox_backlog) > 100 and max by (service) (delta(outbox_backlog[10m])) > 0"))
                .containsExactly("outbox_backlog");
        assertThat(metricNames("sum(closures_by_state{state=\"ClosureRequested\"}) > 0 unless on(job) up == 0 offset 1h"))
                .containsExactlyInAnyOrder("closures_by_state", "up");
        assertThat(metricNames("sum without (instance) (rate(jvm_gc_pause_seconds_sum[$__rate_interval])) / 1e3"))
                .containsExactly("jvm_gc_pause_seconds_sum");
    }

    // ---- the PromQL in the repository ------------------------------------------------------------

    private List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = Http.JSON.readTree(Files.readString(root.resolve("deploy/grafana/dashboards/brand-closure.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString("")));
            panel.path("panels").forEach(inner -> inner.path("targets").forEach(t -> expressions.add(t.path("expr").asString(""))));
        });
        expressions.removeIf(String::isBlank);
        assertThat(expressions).as("dashboard expressions").isNotEmpty();
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> ruleExpressions() throws IOException {
        Map<String, List<String>> byFile = new TreeMap<>();
        try (var files = Files.list(root.resolve("deploy/prometheus/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> rules = new Yaml().load(Files.readString(file));
                List<String> expressions = new ArrayList<>();
                for (Object group : (List<Object>) rules.get("groups")) {
                    for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                        expressions.add(String.valueOf(((Map<String, Object>) rule).get("expr")));
                    }
                }
                byFile.put(file.getFileName().toString(), expressions);
            }
        }
        assertThat(byFile).as("alert rule files").isNotEmpty();
        return byFile;
    }

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /**
     * The metric names of a PromQL expression: identifiers that are not functions (followed by '('),
     * keywords, label names in {@code {...}} or in {@code by/without/on/ignoring (...)} lists, durations
     * in {@code [...]}, strings, numbers or Grafana variables.
     */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")   // strings
                .replaceAll("\\{[^}]*}", " ")                                // label matchers
                .replaceAll("\\[[^]]*]", " ")                                // ranges, subqueries
                .replaceAll("\\$\\{?\\w+}?", " ")                            // Grafana variables
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("(?<![\\w:])\\d[\\w.]*", " ");                    // numbers, durations (1h)
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean function = next < s.length() && s.charAt(next) == '(';
            if (!function && !KEYWORDS.contains(id.toLowerCase())) {
                names.add(id);
            }
        }
        return names;
    }

    // ---- the running services --------------------------------------------------------------------

    /** A few requests on every service and a closure initiated, so request, consumer and closure metrics exist. */
    private void traffic() {
        var brand = new Brand(system, "metrics");
        for (String module : system.services.keySet()) {
            system.http.get(system.url(module, "/api/v1/accounts/" + brand.account + "/audit"), TestTokens.support("sam"));
        }
        brand.initiateClosure();
    }

    /** Per service, the metric names of its scrape (the sample names, as PromQL selects them). */
    private Map<String, Set<String>> exported() {
        Map<String, Set<String>> byService = new TreeMap<>();
        for (String module : system.services.keySet()) {
            var scrape = system.http.get(system.url(module, "/actuator/prometheus"), TestTokens.ops("prometheus"));
            assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
            Set<String> names = new TreeSet<>();
            for (String line : scrape.body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Matcher m = IDENTIFIER.matcher(line);
                    if (m.lookingAt()) {
                        names.add(m.group());
                    }
                }
            }
            byService.put(module, names);
        }
        return byService;
    }
}
