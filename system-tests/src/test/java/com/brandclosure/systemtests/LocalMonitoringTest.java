package com.brandclosure.systemtests;

import com.brandclosure.localstack.LocalPrometheus;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./run.sh --monitoring}'s Prometheus: the local stack's own {@link LocalPrometheus} (the same
 * class, generated configuration and rule files) started against the five running services (on
 * their free ports, scraping with an OPS token instead of the demo user): it answers, every service's
 * target is up, and every alert rule of {@code deploy/prometheus/rules/} is loaded. Skipped, saying so,
 * where Debian's {@code prometheus} binary is not installed ({@code .ci/run} installs it).
 */
@ExtendWith(RunningSystem.Extension.class)
class LocalMonitoringTest {

    private static final Path RULES = Path.of(System.getProperty("system-tests.repository-root", ".."))
            .resolve("deploy/prometheus/rules").toAbsolutePath().normalize();

    private static LocalPrometheus prometheus;
    private final RunningSystem system = RunningSystem.get();

    @BeforeAll
    static void installed() {
        assumeTrue(LocalPrometheus.installed(LocalPrometheus.binary()), "no Prometheus at " + LocalPrometheus.binary()
                + " (Debian: apt-get install prometheus; .ci/run installs it): the --monitoring test is skipped");
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void prometheus_answers_scrapes_all_five_services_and_loads_every_alert_rule() throws IOException {
        var targets = new LinkedHashMap<String, java.util.List<Integer>>();
        system.services.forEach((module, node) -> targets.put(module, java.util.List.of(node.port)));
        prometheus = LocalPrometheus.start(new LocalPrometheus.Settings(LocalPrometheus.binary(),
                Files.createTempDirectory("local-prometheus-"), freePort(), targets,
                new LocalPrometheus.Scrape.Bearer(TestTokens.ops("prometheus").substring("Bearer ".length())),
                RULES, Duration.ofMinutes(1)));
        String base = prometheus.url().toString();

        assertThat(system.http.get(base + "/-/ready", null).status()).isEqualTo(200);
        await("every service's target up").atMost(Events.PATIENCE).untilAsserted(() -> {
            JsonNode active = system.http.get(base + "/api/v1/targets", null).ok().path("data").path("activeTargets");
            var health = new java.util.TreeMap<String, String>();
            active.forEach(t -> health.put(t.path("labels").path("job").asString(),
                    t.path("health").asString() + " " + t.path("lastError").asString()));
            for (String module : targets.keySet()) {
                assertThat(health.get(module)).as(module + " in " + health).startsWith("up");
            }
        });
        // The scraped series are there, with the service label the rules and the dashboard use.
        JsonNode up = system.http.get(base + "/api/v1/query?query=up%7Bservice%3D%22closure-orchestrator%22%7D", null).ok();
        assertThat(up.path("data").path("result")).hasSize(1);

        Set<String> expected = alertNames();
        assertThat(expected).as("alert rules in " + RULES).isNotEmpty();
        JsonNode groups = system.http.get(base + "/api/v1/rules?type=alert", null).ok().path("data").path("groups");
        Set<String> loaded = new TreeSet<>();
        groups.forEach(g -> g.path("rules").forEach(r -> loaded.add(r.path("name").asString())));
        assertThat(loaded).isEqualTo(expected);
        groups.forEach(g -> g.path("rules").forEach(r -> assertThat(r.path("health").asString())
                .as(r.path("name").asString() + " " + r.path("lastError").asString()).isIn("ok", "unknown")));
    }

    /** The {@code - alert: Name} lines of every rule file. */
    private static Set<String> alertNames() throws IOException {
        Pattern alert = Pattern.compile("^\\s*-\\s*alert:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(f -> f.toString().endsWith(".yml")).flatMap(f -> {
                try {
                    return alert.matcher(Files.readString(f)).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
